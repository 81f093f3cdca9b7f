package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import java.util.List;

/** Joins its inputs along an axis (the last by default); every other dimension must agree. */
public final class Concatenate extends Merge {

    private final int axis;

    /** Joins along the last axis. */
    public Concatenate() {
        this(null, -1);
    }

    public Concatenate(int axis) {
        this(null, axis);
    }

    public Concatenate(String name, int axis) {
        super(name);
        this.axis = axis;
    }

    public int axis() {
        return axis;
    }

    @Override
    protected void checkShapes(List<Tensor> inputs) {
        int[] first = inputs.get(0).shape();
        int ax = axis < 0 ? axis + first.length : axis;
        if (ax < 0 || ax >= first.length) {
            throw new IllegalArgumentException("layer '" + name() + "' (Concatenate): axis " + axis
                    + " is out of range for inputs of shape " + Shapes.str(first));
        }
        for (int i = 1; i < inputs.size(); i++) {
            int[] s = inputs.get(i).shape();
            if (s.length != first.length) {
                throw mismatch(inputs, 0, i, "their ranks differ (" + first.length + " and " + s.length
                        + "), and only axis " + axis + " may differ");
            }
            for (int d = 0; d < s.length; d++) {
                if (d != ax && s[d] >= 0 && first[d] >= 0 && s[d] != first[d]) {
                    throw mismatch(inputs, 0, i, "they differ on axis " + d + ", and only axis " + axis + " may differ");
                }
            }
        }
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        return Ops.concat(inputs, axis);
    }

    @Override
    protected String verb() {
        return "concatenate";
    }
}
