package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import java.util.List;

/** Sums its inputs element by element (a skip connection's merge). */
public final class Add extends Merge {

    public Add() {
        this(null);
    }

    public Add(String name) {
        super(name);
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor sum = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            sum = Ops.add(sum, inputs.get(i));
        }
        return sum;
    }

    @Override
    protected String verb() {
        return "add";
    }
}
