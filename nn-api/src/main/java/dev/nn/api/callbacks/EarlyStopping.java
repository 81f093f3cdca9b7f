package dev.nn.api.callbacks;

import dev.nn.api.Tensor;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops training when the monitored value has not improved by more than {@code minDelta} for
 * {@code patience} epochs, as Keras's EarlyStopping. With {@link #restoreBestWeights} the model
 * ends training with the weights of its best epoch (whether it stopped early or ran out of epochs).
 * With a {@link #baseline}, the wait restarts only on improvements that also beat the baseline.
 */
public final class EarlyStopping extends Callback {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);

    private String monitorKey = "val_loss";
    private Mode mode = Mode.AUTO;
    private double minDelta;
    private int patience;
    private Double baseline;
    private boolean restoreBestWeights;
    private Monitor monitor;
    private Double best;
    private int wait;
    private int bestEpoch;
    private int stoppedEpoch;
    private List<Tensor> bestWeights;

    public EarlyStopping monitor(String key) {
        this.monitorKey = key;
        return this;
    }

    public EarlyStopping mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** The smallest change that counts as an improvement. */
    public EarlyStopping minDelta(double minDelta) {
        this.minDelta = Math.abs(minDelta);
        return this;
    }

    /** Epochs without improvement before stopping. */
    public EarlyStopping patience(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be at least 0, got " + patience);
        }
        this.patience = patience;
        return this;
    }

    /** A value the monitored quantity must beat for the wait to restart. */
    public EarlyStopping baseline(double baseline) {
        this.baseline = baseline;
        return this;
    }

    public EarlyStopping restoreBestWeights(boolean restore) {
        this.restoreBestWeights = restore;
        return this;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        monitor = Monitor.of(monitorKey, mode);
        best = null;
        wait = 0;
        bestEpoch = -1;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double current = monitor.valueIn(logs);
        if (current == null) {
            LOG.warn("EarlyStopping monitors '{}' but the logs have only {}", monitorKey, logs.keySet());
            return;
        }
        if (restoreBestWeights && bestWeights == null) {
            bestWeights = model().getWeights(); // until something improves, the first epoch is the best
            bestEpoch = epoch;
        }
        wait++;
        if (monitor.improves(current, best, minDelta)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBestWeights) {
                bestWeights = model().getWeights();
            }
            if (baseline == null || monitor.improves(current, baseline, minDelta)) {
                wait = 0;
            }
            return;
        }
        if (wait >= patience && epoch > 0) {
            stoppedEpoch = epoch;
            model().stopTraining();
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (restoreBestWeights && bestWeights != null) {
            model().setWeights(bestWeights);
        }
    }

    /** The epoch (0-based) at which training was stopped, or -1 when it was not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** The epoch (0-based) with the best monitored value, or -1. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value, or null. */
    public Double best() {
        return best;
    }
}
