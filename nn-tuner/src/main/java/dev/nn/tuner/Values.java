package dev.nn.tuner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for hyperparameter values, which are Integer, Double, String or Boolean. */
final class Values {

    private Values() {
    }

    /** Equal values; numbers compare by value so that a stored 3 matches a declared 3.0. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a != null && a.equals(b);
    }

    /** An unmodifiable copy that keeps the order of declaration. */
    static <V> Map<String, V> frozen(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
