package dev.nn.backend.onnx.export;

import java.util.Arrays;

/** nn's reshape target as the shape tensor of ONNX's Reshape. */
final class ReshapeTarget {
    private ReshapeTarget() {
    }

    /**
     * ONNX's Reshape reads 0 as "copy this dimension" and -1 as "infer it"; nn's reshape has
     * only -1. When nn's -1 in front is sure to come out as the input's batch dimension (the rest
     * of both shapes is known and of equal size), it becomes 0, so that onnxruntime's shape
     * inference keeps the batch symbolic instead of forgetting what it is.
     *
     * @param from the input's shape (-1 for unknown dimensions)
     * @param to   nn's target shape: positive sizes and at most one -1
     */
    static long[] of(int[] from, int[] to, String node) {
        long[] target = new long[to.length];
        for (int i = 0; i < to.length; i++) {
            if (to[i] == 0 || to[i] < -1) {
                throw new IllegalArgumentException("op " + node + " reshapes to " + Arrays.toString(to)
                        + ": ONNX export needs positive sizes and at most one -1 (ONNX's Reshape reads 0 as 'copy')");
            }
            target[i] = to[i];
        }
        if (to.length > 0 && to[0] == -1 && from.length > 0 && from[0] == -1) {
            long restFrom = knownProduct(from);
            if (restFrom > 0 && restFrom == knownProduct(to)) {
                target[0] = 0;
            }
        }
        return target;
    }

    /** The product of every dimension after the first, or -1 when one of them is unknown. */
    private static long knownProduct(int[] shape) {
        long p = 1;
        for (int i = 1; i < shape.length; i++) {
            if (shape[i] < 0) {
                return -1;
            }
            p *= shape[i];
        }
        return p;
    }
}
