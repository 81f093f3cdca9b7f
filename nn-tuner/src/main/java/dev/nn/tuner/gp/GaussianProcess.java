package dev.nn.tuner.gp;

/**
 * Gaussian-process regression with a Matérn 5/2 kernel on points of the unit cube. The targets
 * are standardized; the kernel is σ²(k_ℓ + τ·I). The length scale ℓ and noise τ are the pair of
 * a small grid with the highest marginal likelihood, with the signal variance σ² at its
 * closed-form maximum yᵀ(K + τI)⁻¹y / n for each pair (the "profile" likelihood).
 */
public final class GaussianProcess {

    private static final double[] LENGTH_SCALES = {0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2.0};
    private static final double[] NOISES = {1e-6, 1e-4, 1e-3, 1e-2, 1e-1};

    private final double[][] x;
    private final Matern52 kernel;
    private final Cholesky chol;
    private final double[] alpha;
    private final double signal;
    private final double yMean;
    private final double yScale;
    private final double logLikelihood;

    private GaussianProcess(double[][] x, Matern52 kernel, Cholesky chol, double[] alpha, double signal, double yMean,
                            double yScale, double logLikelihood) {
        this.x = x;
        this.kernel = kernel;
        this.chol = chol;
        this.alpha = alpha;
        this.signal = signal;
        this.yMean = yMean;
        this.yScale = yScale;
        this.logLikelihood = logLikelihood;
    }

    /** Fits to points x (each in [0, 1]^d) with values y, choosing the kernel's hyperparameters. */
    public static GaussianProcess fit(double[][] x, double[] y) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean) / n;
        }
        double scale = var > 0 ? Math.sqrt(var) : 1;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = (y[i] - mean) / scale;
        }
        GaussianProcess best = null;
        for (double ls : LENGTH_SCALES) {
            for (double noise : NOISES) {
                GaussianProcess gp = fitWith(x, z, new Matern52(ls), noise, mean, scale);
                if (gp != null && (best == null || gp.logLikelihood > best.logLikelihood)) {
                    best = gp;
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no kernel fits these " + n + " points");
        }
        return best;
    }

    private static GaussianProcess fitWith(double[][] x, double[] z, Matern52 k, double noise, double mean, double scale) {
        int n = z.length;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = k.at(x[i], x[j]);
                a[j][i] = a[i][j];
            }
            a[i][i] += noise;
        }
        Cholesky c = Cholesky.of(a);
        if (c == null) {
            return null;
        }
        double[] alpha = c.solve(z);
        double quad = 0;
        for (int i = 0; i < n; i++) {
            quad += z[i] * alpha[i];
        }
        double signal = Math.max(quad / n, 1e-12);
        // log N(z | 0, σ²A) at σ² = zᵀA⁻¹z/n, up to a constant
        double ll = -0.5 * n * Math.log(signal) - 0.5 * c.logDet();
        return new GaussianProcess(x, k, c, alpha, signal, mean, scale, ll);
    }

    /** Predictive mean and standard deviation of the latent function at u, in the units of y. */
    public double[] predict(double[] u) {
        int n = x.length;
        double[] ks = new double[n];
        double m = 0;
        for (int i = 0; i < n; i++) {
            ks[i] = kernel.at(u, x[i]);
            m += ks[i] * alpha[i];
        }
        double[] v = chol.forward(ks);
        double vv = 0;
        for (double e : v) {
            vv += e * e;
        }
        double var = signal * Math.max(0, 1 - vv);
        return new double[] {yMean + yScale * m, yScale * Math.sqrt(var)};
    }

    public double lengthScale() {
        return kernel.lengthScale();
    }
}
