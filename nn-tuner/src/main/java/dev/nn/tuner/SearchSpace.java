package dev.nn.tuner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters a search has met so far, by name, in the order the model-building function
 * first declared them. It grows while trials build their models; it is shared by the trials of
 * a tuner (and thread-safe for parallel trials).
 */
public final class SearchSpace {

    private final Map<String, HyperParameter> byName = new LinkedHashMap<>();

    /** Records a definition; returns the one already known under that name, which must be the same. */
    public synchronized HyperParameter register(HyperParameter p) {
        HyperParameter known = byName.putIfAbsent(p.name(), p);
        if (known != null && !known.equals(p)) {
            throw new IllegalArgumentException("hyperparameter '" + p.name() + "' is declared twice differently: " + known
                    + " and " + p + "; give each definition its own name");
        }
        return known == null ? p : known;
    }

    /** A snapshot of the definitions, in declaration order. */
    public synchronized List<HyperParameter> parameters() {
        return List.copyOf(byName.values());
    }

    public synchronized HyperParameter get(String name) {
        return byName.get(name);
    }
}
