package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import java.util.List;

/**
 * The start of a functional model: a symbolic tensor for a batch of inputs of the given shape.
 *
 * <pre>{@code
 * Tensor in = Input.of("input_wide", 5);
 * Tensor hidden = new Dense(30, "relu").apply(in);
 * }</pre>
 */
public final class Input {

    private Input() {
    }

    /** An input with an automatic name ("input_layer", "input_layer_1", ... in its model). */
    public static Tensor of(int... shape) {
        return of(null, shape);
    }

    /** A named input; {@code shape} is one example's shape, without the batch dimension. */
    public static Tensor of(String name, int... shape) {
        InputLayer layer = new InputLayer(name, shape);
        Tensor placeholder = Ops.placeholder(layer.name(), layer.batchShape());
        return placeholder.withHistory(new LayerCall(layer, List.of()));
    }
}
