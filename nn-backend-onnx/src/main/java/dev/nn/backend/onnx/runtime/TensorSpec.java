package dev.nn.backend.onnx.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a model input or output looks like, as onnxruntime reports it.
 *
 * @param name        the graph's name for the value
 * @param elementType onnxruntime's element type, e.g. {@code FLOAT}, {@code INT64}
 * @param shape       the size of each dimension; -1 where the model leaves it open
 * @param dimNames    the symbolic name of each open dimension (e.g. {@code batch}), "" elsewhere
 */
public record TensorSpec(String name, String elementType, long[] shape, List<String> dimNames) {

    public TensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elementType, "elementType");
        shape = shape.clone();
        dimNames = List.copyOf(dimNames);
        if (dimNames.size() != shape.length) {
            throw new IllegalArgumentException("tensor '" + name + "' has " + shape.length
                    + " dimensions but " + dimNames.size() + " dimension names");
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public boolean isFloat() {
        return elementType.equals("FLOAT");
    }

    /**
     * Checks that an array fits this spec: same rank, same size wherever the size is fixed.
     *
     * @throws IllegalArgumentException naming this tensor, both shapes and the first dimension at fault
     */
    void check(FloatArray array) {
        long[] actual = array.shape();
        if (actual.length != shape.length) {
            throw new IllegalArgumentException("input '" + name + "' expects rank " + shape.length + " "
                    + shapeText() + " but got rank " + actual.length + " " + Arrays.toString(actual));
        }
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] >= 0 && shape[d] != actual[d]) {
                throw new IllegalArgumentException("input '" + name + "' expects shape " + shapeText()
                        + " but got " + Arrays.toString(actual) + ": dimension " + d + " must be " + shape[d]);
            }
        }
    }

    /** The shape with symbolic dimensions by name, e.g. {@code [batch, 8]}; "?" for an unnamed open one. */
    public String shapeText() {
        List<String> parts = new ArrayList<>(shape.length);
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] >= 0) {
                parts.add(Long.toString(shape[d]));
            } else {
                parts.add(dimNames.get(d).isEmpty() ? "?" : dimNames.get(d));
            }
        }
        return parts.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorSpec that && name.equals(that.name)
                && elementType.equals(that.elementType) && Arrays.equals(shape, that.shape)
                && dimNames.equals(that.dimNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, elementType, Arrays.hashCode(shape), dimNames);
    }

    @Override
    public String toString() {
        return name + ": " + elementType + shapeText();
    }
}
