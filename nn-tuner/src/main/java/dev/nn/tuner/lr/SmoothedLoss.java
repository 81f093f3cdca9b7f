package dev.nn.tuner.lr;

/**
 * An exponential moving average of batch losses (β = 0.98, about the last 50 batches),
 * bias-corrected so that the first values are not pulled towards 0, as fastai's finder does.
 */
final class SmoothedLoss {

    static final double BETA = 0.98;

    private double average;
    private double weight = 1;

    /** Adds a batch loss and returns the smoothed loss so far; a non-finite loss makes it non-finite. */
    double add(double loss) {
        average = BETA * average + (1 - BETA) * loss;
        weight *= BETA;
        return average / (1 - weight);
    }

    static double[] of(double[] losses) {
        SmoothedLoss s = new SmoothedLoss();
        double[] out = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            out[i] = s.add(losses[i]);
        }
        return out;
    }
}
