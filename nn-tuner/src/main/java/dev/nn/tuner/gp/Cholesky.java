package dev.nn.tuner.gp;

/** The lower factor L of a symmetric positive-definite matrix A = L Lᵀ, and solves with it. */
final class Cholesky {

    private final double[][] l;

    private Cholesky(double[][] l) {
        this.l = l;
    }

    /** Factors a; null when it is not positive definite (numerically). */
    static Cholesky of(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return new Cholesky(l);
    }

    /** log det A = 2 Σ log L_ii. */
    double logDet() {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += Math.log(l[i][i]);
        }
        return 2 * s;
    }

    /** z with L z = b. */
    double[] forward(double[] b) {
        int n = l.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        return z;
    }

    /** x with A x = b. */
    double[] solve(double[] b) {
        double[] z = forward(b);
        int n = l.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
