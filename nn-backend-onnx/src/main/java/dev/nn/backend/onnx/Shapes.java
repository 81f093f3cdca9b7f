package dev.nn.backend.onnx;

/** Arithmetic on tensor shapes that must not overflow silently, as hostile files try to make it. */
public final class Shapes {
    private Shapes() {
    }

    /**
     * The number of elements a shape holds.
     *
     * @param dims non-negative sizes; empty for a scalar
     * @return the product of dims, or -1 when it exceeds {@link Long#MAX_VALUE}
     */
    public static long elementCount(long... dims) {
        long count = 1;
        boolean overflowed = false;
        for (long dim : dims) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension " + dim);
            }
            if (dim == 0) {
                return 0; // a zero anywhere wins even over an overflow elsewhere
            }
            overflowed |= count > Long.MAX_VALUE / dim;
            count = overflowed ? 1 : count * dim;
        }
        return overflowed ? -1 : count;
    }
}
