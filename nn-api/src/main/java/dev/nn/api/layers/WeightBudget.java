package dev.nn.api.layers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A bound on the floats that layers may allocate for weights while a model is built from an
 * untrusted description, such as a model file's config: a 4 KB file whose config says
 * {@code "units": 100000000} must fail before its Dense allocates gigabytes, not after, when its
 * weights are compared with the file's. A layer that is built again replaces its earlier charge.
 * Outside {@link #within} there is no bound.
 */
public final class WeightBudget {

    private static final ScopedValue<WeightBudget> CURRENT = ScopedValue.newInstance();

    private final long limit;
    private final Map<Layer, Map<String, Long>> charged = new IdentityHashMap<>();
    private long used;

    private WeightBudget(long limit) {
        this.limit = limit;
    }

    /** Runs {@code op} with at most {@code floats} floats of weights to be made by the layers it builds. */
    public static <T, X extends Throwable> T within(long floats, ScopedValue.CallableOp<T, X> op) throws X {
        return ScopedValue.where(CURRENT, new WeightBudget(floats)).call(op);
    }

    /** Takes a weight's size from the budget, if one is in force; fails before anything is allocated. */
    static void charge(Layer layer, String weight, int[] shape) {
        if (!CURRENT.isBound()) {
            return;
        }
        WeightBudget b = CURRENT.get();
        Map<String, Long> mine = b.charged.computeIfAbsent(layer, l -> new HashMap<>());
        long left = b.limit - b.used + mine.getOrDefault(weight, 0L);
        long size = 1;
        for (int d : shape) {
            int n = Math.max(d, 0);
            size = n != 0 && size > left / n ? left + 1 : size * n;
            if (size > left) {
                throw new IllegalArgumentException("weight '" + layer.name() + "/" + weight + "' of shape "
                        + Arrays.toString(shape) + " is larger than the " + left + " floats of data left for it");
            }
        }
        b.used += size - mine.getOrDefault(weight, 0L);
        mine.put(weight, size);
    }
}
