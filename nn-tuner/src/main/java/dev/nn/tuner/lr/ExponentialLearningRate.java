package dev.nn.tuner.lr;

import dev.nn.api.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multiplies the learning rate by a factor after every batch and records each batch's rate and
 * loss: the sweep behind a learning-rate finder. With a stop factor it stops recording, and asks
 * training to stop, once the smoothed loss ({@link SmoothedLoss}; single batches are too noisy)
 * exceeds that many times its lowest so far; the rate then goes back to where the sweep began so
 * that any batches still to come cannot diverge.
 *
 * <p>The "loss" of a batch hook is the epoch's running mean; each batch's own loss is recovered
 * as (b + 1)·mean_b − b·mean_(b−1), exact while batches have equal sizes (all but the last).
 */
public final class ExponentialLearningRate extends Callback {

    private final double factor;
    private final double stopFactor;
    private final List<Double> rates = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private double previousMean;
    private final SmoothedLoss smoothed = new SmoothedLoss();
    private double lowest = Double.POSITIVE_INFINITY;
    private double firstRate = Double.NaN;
    private boolean stopped;

    /** Sweeps for the whole of training. */
    public ExponentialLearningRate(double factor) {
        this(factor, Double.POSITIVE_INFINITY);
    }

    /** @param stopFactor stop once the smoothed loss exceeds this many times its lowest (4 is usual) */
    public ExponentialLearningRate(double factor, double stopFactor) {
        if (!(factor > 1) || !(stopFactor > 1)) {
            throw new IllegalArgumentException("factor and stop factor must exceed 1, got " + factor + " and " + stopFactor);
        }
        this.factor = factor;
        this.stopFactor = stopFactor;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        previousMean = 0;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (stopped) {
            return;
        }
        double mean = logs.get("loss");
        double loss = (batch + 1) * mean - batch * previousMean;
        previousMean = mean;
        double rate = model().optimizer().learningRate();
        if (Double.isNaN(firstRate)) {
            firstRate = rate;
        }
        rates.add(rate);
        losses.add(loss);
        double smooth = smoothed.add(loss);
        lowest = Math.min(lowest, smooth);
        if (!Double.isFinite(smooth) || smooth > stopFactor * lowest) {
            stopped = true;
            model().stopTraining();
            model().optimizer().setLearningRate(firstRate);
            return;
        }
        model().optimizer().setLearningRate(rate * factor);
    }

    /** The rate of each recorded batch. */
    public double[] rates() {
        return rates.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The loss of each recorded batch. */
    public double[] losses() {
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether the loss blew up past the stop factor. */
    public boolean stopped() {
        return stopped;
    }
}
