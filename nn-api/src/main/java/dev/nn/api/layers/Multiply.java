package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import java.util.List;

/** Multiplies its inputs element by element (a gate, for instance). */
public final class Multiply extends Merge {

    public Multiply() {
        this(null);
    }

    public Multiply(String name) {
        super(name);
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor product = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            product = Ops.mul(product, inputs.get(i));
        }
        return product;
    }

    @Override
    protected String verb() {
        return "multiply";
    }
}
