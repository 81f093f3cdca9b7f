package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.activations.ActivationFunction;
import dev.nn.api.activations.Activations;

/** Applies an activation function as a layer of its own. */
public final class Activation extends Layer {

    private final ActivationFunction function;

    public Activation(String function) {
        this(Activations.get(function));
    }

    public Activation(ActivationFunction function) {
        this(null, function);
    }

    public Activation(String name, ActivationFunction function) {
        super(name);
        this.function = function;
    }

    public ActivationFunction function() {
        return function;
    }

    @Override
    protected Tensor call(Tensor input, boolean training) {
        return function.apply(input);
    }
}
