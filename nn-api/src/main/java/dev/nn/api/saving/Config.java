package dev.nn.api.saving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of the config with typed getters that fail naming the object and the key, so a
 * damaged or hand-edited config says exactly what is wrong.
 */
record Config(String where, Map<String, Object> values) {

    @SuppressWarnings("unchecked")
    static Config of(String where, Object json) {
        if (!(json instanceof Map)) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        return new Config(where, (Map<String, Object>) json);
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Object raw(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(where + " has no '" + key + "'");
        }
        return v;
    }

    String string(String key) {
        return as(key, String.class);
    }

    boolean bool(String key) {
        return as(key, Boolean.class);
    }

    double number(String key) {
        return as(key, Number.class).doubleValue();
    }

    long integer(String key) {
        Object v = raw(key);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be an integer, got " + v);
        }
        return l;
    }

    int intValue(String key) {
        long v = integer(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(where + ": '" + key + "' is out of range: " + v);
        }
        return (int) v;
    }

    int[] ints(String key) {
        return toInts(key, as(key, List.class));
    }

    long[] longs(String key) {
        List<?> l = as(key, List.class);
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long v)) {
                throw new IllegalArgumentException(where + ": '" + key + "' must hold integers, got " + l.get(i));
            }
            out[i] = v;
        }
        return out;
    }

    double[] numbers(String key) {
        List<?> l = as(key, List.class);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number v)) {
                throw new IllegalArgumentException(where + ": '" + key + "' must hold numbers, got " + l.get(i));
            }
            out[i] = v.doubleValue();
        }
        return out;
    }

    /** A list of integer lists, such as the input shapes of a model. */
    List<int[]> intLists(String key) {
        List<int[]> out = new ArrayList<>();
        for (Object o : as(key, List.class)) {
            if (!(o instanceof List<?> l)) {
                throw new IllegalArgumentException(where + ": '" + key + "' must hold lists of integers, got " + o);
            }
            out.add(toInts(key, l));
        }
        return out;
    }

    private int[] toInts(String key, List<?> l) {
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Long v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(where + ": '" + key + "' must hold integers, got " + l.get(i));
            }
            out[i] = v.intValue();
        }
        return out;
    }

    Config object(String key) {
        return of(where + "." + key, raw(key));
    }

    List<Config> objects(String key) {
        List<?> l = as(key, List.class);
        List<Config> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(of(where + "." + key + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    List<String> strings(String key) {
        List<?> l = as(key, List.class);
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException(where + ": '" + key + "' must hold strings, got " + o);
            }
            out.add(s);
        }
        return out;
    }

    private <T> T as(String key, Class<T> type) {
        Object v = raw(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a " + type.getSimpleName().toLowerCase()
                    + ", got " + v);
        }
        return type.cast(v);
    }
}
