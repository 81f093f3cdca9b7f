package dev.nn.api.callbacks;

import java.util.Map;

/**
 * Sets the optimizer's learning rate at the start of each epoch from (epoch, current rate), as
 * Keras's LearningRateScheduler: {@code new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * 0.9)}.
 */
public final class LearningRateScheduler extends Callback {

    /** The rate for an epoch (0-based), given the current one. */
    @FunctionalInterface
    public interface Schedule {
        double rate(int epoch, double currentRate);
    }

    private final Schedule schedule;

    public LearningRateScheduler(Schedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        double lr = schedule.rate(epoch, model().optimizer().learningRate());
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("the learning-rate schedule returned " + lr + " for epoch " + epoch
                    + "; it must be a positive number");
        }
        model().optimizer().setLearningRate(lr);
    }
}
