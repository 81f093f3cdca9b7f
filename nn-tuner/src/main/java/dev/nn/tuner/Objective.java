package dev.nn.tuner;

import java.util.List;

/** The logged quantity a search optimizes and whether lower or higher is better. */
public record Objective(String name, boolean maximize) {

    private static final List<String> HIGHER_IS_BETTER = List.of("acc", "auc", "precision", "recall", "r2");

    public static Objective minimize(String name) {
        return new Objective(name, false);
    }

    public static Objective maximize(String name) {
        return new Objective(name, true);
    }

    /** The direction guessed from the name, as Keras Tuner does: accuracy-like metrics up, losses and errors down. */
    public static Objective of(String name) {
        String bare = name.startsWith("val_") ? name.substring(4) : name;
        return new Objective(name, HIGHER_IS_BETTER.stream().anyMatch(bare::startsWith));
    }

    /** True when {@code a} is strictly better than {@code b}; NaN is never better. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        return Double.isNaN(b) || (maximize ? a > b : a < b);
    }

    /** The score as a loss: lower is better whatever the direction. */
    public double asLoss(double score) {
        return maximize ? -score : score;
    }

    @Override
    public String toString() {
        return name + (maximize ? " (max)" : " (min)");
    }
}
