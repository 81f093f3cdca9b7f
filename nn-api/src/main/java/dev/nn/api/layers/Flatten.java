package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;

/** Flattens each example to one dimension: (batch, 28, 28) to (batch, 784). */
public final class Flatten extends Layer {

    public Flatten() {
        this(null);
    }

    public Flatten(String name) {
        super(name);
    }

    @Override
    protected Tensor call(Tensor input, boolean training) {
        return Ops.flatten(input);
    }
}
