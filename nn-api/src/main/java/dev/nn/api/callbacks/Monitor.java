package dev.nn.api.callbacks;

import java.util.Locale;
import java.util.Map;

/**
 * A logged quantity that a callback watches, and which way is better. {@link Mode#AUTO} picks
 * "higher" for accuracy-like names (accuracy, acc, auc, precision, recall) and "lower" for the
 * rest, as Keras does.
 */
record Monitor(String key, boolean higherIsBetter) {

    static Monitor of(String key, Mode mode) {
        return new Monitor(key, switch (mode) {
            case MIN -> false;
            case MAX -> true;
            case AUTO -> accuracyLike(key);
        });
    }

    private static boolean accuracyLike(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.startsWith("val_")) {
            k = k.substring(4);
        }
        return k.contains("acc") || k.startsWith("auc") || k.contains("precision") || k.contains("recall");
    }

    /** The value in these logs, or null when it was not logged. */
    Double valueIn(Map<String, Double> logs) {
        return logs == null ? null : logs.get(key);
    }

    /** True when {@code current} beats {@code reference} by more than {@code minDelta}; anything beats null. */
    boolean improves(double current, Double reference, double minDelta) {
        if (reference == null) {
            return !Double.isNaN(current);
        }
        return higherIsBetter ? current - minDelta > reference : current + minDelta < reference;
    }
}
