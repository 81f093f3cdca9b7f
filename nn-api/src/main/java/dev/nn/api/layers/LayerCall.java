package dev.nn.api.layers;

import dev.nn.api.Tensor;
import java.util.List;

/**
 * One call of a layer on symbolic tensors: the layer and the tensors it was given. Each output
 * of the call carries it ({@link Tensor#history()}), so the calls chain back from a model's
 * outputs to its inputs and form the model's graph of layers. A model input is a call of its
 * {@link InputLayer} with no inputs.
 */
public record LayerCall(Layer layer, List<Tensor> inputs) {

    public LayerCall {
        inputs = List.copyOf(inputs);
    }

    /** "from layer 'dense_1'" for error messages; "" for a tensor made outside a layer. */
    public static String source(Tensor t) {
        LayerCall call = t.history();
        if (call == null) {
            return "";
        }
        return call.layer instanceof InputLayer ? " from input '" + call.layer.name() + "'"
                : " from layer '" + call.layer.name() + "'";
    }
}
