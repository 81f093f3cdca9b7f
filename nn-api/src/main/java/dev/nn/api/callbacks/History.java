package dev.nn.api.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code fit} returns: the epochs run and, for each logged quantity ("loss", "accuracy",
 * "val_loss", ...), its value at the end of each epoch.
 */
public final class History extends Callback {

    private final List<Integer> epochs = new ArrayList<>();
    private final Map<String, List<Double>> history = new LinkedHashMap<>();

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        epochs.add(epoch);
        logs.forEach((k, v) -> history.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    /** The epoch indices (0-based) in order. */
    public List<Integer> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** Every logged quantity by name, in the order first seen. */
    public Map<String, List<Double>> history() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        history.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    /** One quantity's values per epoch; fails with the known names when absent. */
    public List<Double> get(String key) {
        List<Double> v = history.get(key);
        if (v == null) {
            throw new IllegalArgumentException("history has no '" + key + "'; it has " + history.keySet());
        }
        return List.copyOf(v);
    }

    /** The value of a quantity at the last epoch. */
    public double last(String key) {
        List<Double> v = get(key);
        return v.get(v.size() - 1);
    }
}
