package dev.nn.tuner.gp;

/** The Matérn 5/2 correlation, k(r) = (1 + √5 r/ℓ + 5r²/3ℓ²) exp(-√5 r/ℓ): twice differentiable, less smooth than a Gaussian. */
record Matern52(double lengthScale) {

    private static final double SQRT5 = Math.sqrt(5);

    double at(double[] a, double[] b) {
        double d2 = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            d2 += d * d;
        }
        double t = SQRT5 * Math.sqrt(d2) / lengthScale;
        return (1 + t + t * t / 3) * Math.exp(-t);
    }
}
