package dev.nn.api.layers;

import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import java.util.List;

/**
 * A layer that combines several tensors of the same shape element by element (Add, Multiply,
 * Average). Shapes are checked before any op runs, so a mismatch in a functional model fails
 * when the graph is built, naming the layers that made both tensors.
 */
public abstract class Merge extends Layer {

    protected Merge(String name) {
        super(name);
    }

    /** Combines inputs whose shapes have been checked. */
    protected abstract Tensor merge(List<Tensor> inputs);

    /** The verb for error messages ("add", "multiply"). */
    protected abstract String verb();

    @Override
    protected final Tensor call(Tensor input, boolean training) {
        throw new IllegalArgumentException("layer '" + name() + "' (" + typeName() + ") needs at least 2 inputs, got 1");
    }

    @Override
    protected final Tensor callMany(List<Tensor> inputs, boolean training) {
        checkShapes(inputs);
        return merge(inputs);
    }

    /** Every input must have the first one's shape (unknown dimensions match anything). */
    protected void checkShapes(List<Tensor> inputs) {
        Tensor first = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            if (!Shapes.compatible(first.shape(), inputs.get(i).shape())) {
                throw mismatch(inputs, 0, i, "the shapes must be equal");
            }
        }
    }

    /** An error naming this layer, both inputs' source layers and both shapes. */
    protected final IllegalArgumentException mismatch(List<Tensor> inputs, int a, int b, String why) {
        return new IllegalArgumentException("layer '" + name() + "' (" + typeName() + ") cannot " + verb() + " "
                + describe(inputs, a) + " and " + describe(inputs, b) + ": " + why);
    }

    private static String describe(List<Tensor> inputs, int i) {
        Tensor t = inputs.get(i);
        return "input " + i + LayerCall.source(t) + " of shape " + Shapes.str(t.shape());
    }

}
