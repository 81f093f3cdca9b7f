package dev.nn.api.callbacks;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multiplies the learning rate by {@code factor} when the monitored value has not improved by
 * more than {@code minDelta} for {@code patience} epochs, never below {@code minLr}; then waits
 * {@code cooldown} epochs before counting again. Keras's defaults: val_loss, factor 0.1,
 * patience 10, minDelta 1e-4, cooldown 0, minLr 0.
 */
public final class ReduceLROnPlateau extends Callback {

    private static final Logger LOG = LoggerFactory.getLogger(ReduceLROnPlateau.class);

    private String monitorKey = "val_loss";
    private Mode mode = Mode.AUTO;
    private double factor = 0.1;
    private int patience = 10;
    private double minDelta = 1e-4;
    private int cooldown;
    private double minLr;
    private Monitor monitor;
    private Double best;
    private int wait;
    private int cooldownLeft;

    public ReduceLROnPlateau monitor(String key) {
        this.monitorKey = key;
        return this;
    }

    public ReduceLROnPlateau mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    public ReduceLROnPlateau factor(double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("ReduceLROnPlateau factor must be in (0, 1), got " + factor);
        }
        this.factor = factor;
        return this;
    }

    public ReduceLROnPlateau patience(int patience) {
        this.patience = patience;
        return this;
    }

    public ReduceLROnPlateau minDelta(double minDelta) {
        this.minDelta = Math.abs(minDelta);
        return this;
    }

    public ReduceLROnPlateau cooldown(int cooldown) {
        this.cooldown = cooldown;
        return this;
    }

    public ReduceLROnPlateau minLr(double minLr) {
        this.minLr = minLr;
        return this;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        monitor = Monitor.of(monitorKey, mode);
        best = null;
        wait = 0;
        cooldownLeft = 0;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double current = monitor.valueIn(logs);
        if (current == null) {
            LOG.warn("ReduceLROnPlateau monitors '{}' but the logs have only {}", monitorKey, logs.keySet());
            return;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            wait = 0;
        }
        if (monitor.improves(current, best, minDelta)) {
            best = current;
            wait = 0;
        } else if (cooldownLeft == 0 && ++wait >= patience) {
            double lr = model().optimizer().learningRate();
            if (lr > minLr) {
                double reduced = Math.max(lr * factor, minLr);
                model().optimizer().setLearningRate(reduced);
                LOG.info("epoch {}: ReduceLROnPlateau reduced the learning rate to {}", epoch + 1, reduced);
                cooldownLeft = cooldown;
                wait = 0;
            }
        }
    }
}
