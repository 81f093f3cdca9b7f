package dev.nn.tuner;

/** How Bayesian optimization trades the model's mean against its uncertainty; scores are for a loss (lower is better), higher score = more promising. */
public enum Acquisition {

    /** E[max(best - f, 0)]: the expected amount by which a point beats the best loss so far. */
    EXPECTED_IMPROVEMENT {
        @Override
        double score(double mean, double std, double bestLoss) {
            double gain = bestLoss - mean - XI;
            if (std <= 0) {
                return Math.max(gain, 0);
            }
            double z = gain / std;
            return gain * normalCdf(z) + std * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        }
    },

    /** -(mean - β·std), β = 2.6 as in Keras Tuner: optimistic about what is uncertain. */
    UPPER_CONFIDENCE_BOUND {
        @Override
        double score(double mean, double std, double bestLoss) {
            return -(mean - BETA * std);
        }
    };

    private static final double XI = 0.01;
    private static final double BETA = 2.6;

    abstract double score(double mean, double std, double bestLoss);

    /** Φ(z) through erf (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
