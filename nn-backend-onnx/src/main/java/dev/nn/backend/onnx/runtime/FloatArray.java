package dev.nn.backend.onnx.runtime;

import dev.nn.backend.onnx.Shapes;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense row-major float32 array with its shape: what goes into and comes out of an
 * {@link OnnxModel}. The data array is not copied (inputs can be large); the shape is.
 *
 * @param data  the elements, row-major; its length is the product of the shape
 * @param shape the size of each dimension, all non-negative; empty for a scalar
 */
public record FloatArray(float[] data, long[] shape) {

    public FloatArray {
        Objects.requireNonNull(data, "data");
        shape = Objects.requireNonNull(shape, "shape").clone();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0) {
                throw new IllegalArgumentException(
                        "shape " + Arrays.toString(shape) + " has negative size at dimension " + d);
            }
        }
        long count = Shapes.elementCount(shape);
        if (count != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds "
                    + (count < 0 ? "more than 2^63" : count) + " elements but the data has " + data.length);
        }
    }

    public static FloatArray of(float[] data, long... shape) {
        return new FloatArray(data, shape);
    }

    /** A copy, so that callers cannot change the shape of this array. */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    // Records compare arrays by identity; two arrays with equal shape and elements are equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof FloatArray that
                && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FloatArray" + Arrays.toString(shape);
    }
}
