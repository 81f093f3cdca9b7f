package dev.nn.api.layers;

import dev.nn.api.Shapes;
import dev.nn.api.Tensor;

/** Declares a model's input shape (without the batch dimension); passes its input through. */
public final class InputLayer extends Layer {

    private final int[] shape;

    /** An input of the given shape per example, e.g. {@code new InputLayer(28, 28)}. */
    public InputLayer(int... shape) {
        this(null, shape);
    }

    public InputLayer(String name, int... shape) {
        super(name);
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("input shape " + Shapes.str(shape) + " must have positive dimensions");
            }
        }
        this.shape = shape.clone();
    }

    /** The shape of one example. */
    public int[] exampleShape() {
        return shape.clone();
    }

    /** The shape of a batch: -1 then the example shape. */
    public int[] batchShape() {
        int[] s = new int[shape.length + 1];
        s[0] = -1;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    @Override
    protected Tensor call(Tensor input, boolean training) {
        return input;
    }
}
