package dev.nn.api;

import java.util.Arrays;

/**
 * A named, mutable weight: a layer's kernel or bias, a normalization statistic, an optimizer slot.
 * Its {@link #value()} is one tensor object for its whole life, updated in place, so a tape and a
 * traced graph can tell which variable a tensor is.
 */
public final class Variable {

    private final String name;
    private final int[] shape;
    private final boolean trainable;
    private final float[] data;
    private final Tensor value;

    public Variable(String name, Tensor initial, boolean trainable) {
        initial.requireConcrete("Variable");
        this.name = name;
        this.shape = initial.shape();
        this.trainable = trainable;
        this.data = initial.toArray();
        this.value = Tensor.ofVariable(this, data, shape);
    }

    /** Full path such as "dense/kernel". */
    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return data.length;
    }

    public boolean trainable() {
        return trainable;
    }

    /** The live value (changes when the variable is assigned or updated). */
    public Tensor value() {
        return value;
    }

    /** Copies {@code t} into this variable; shapes must match. */
    public void assign(Tensor t) {
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("cannot assign a tensor of shape " + Shapes.str(t.shape())
                    + " to variable '" + name + "' of shape " + Shapes.str(shape));
        }
        System.arraycopy(t.buffer(), 0, data, 0, data.length);
    }

    /** Copies the values from an array of the same length. */
    public void assign(float[] values) {
        if (values.length != data.length) {
            throw new IllegalArgumentException("variable '" + name + "' of shape " + Shapes.str(shape)
                    + " holds " + data.length + " values, got " + values.length);
        }
        System.arraycopy(values, 0, data, 0, data.length);
    }

    /**
     * The array behind the variable, for optimizers and kernels that update it in place.
     * Code outside those must use {@link #assign}.
     */
    public float[] buffer() {
        return data;
    }

    @Override
    public String toString() {
        return "Variable(" + name + ", shape=" + Shapes.str(shape) + (trainable ? "" : ", non-trainable") + ")";
    }
}
