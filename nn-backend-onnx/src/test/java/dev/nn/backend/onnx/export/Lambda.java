package dev.nn.backend.onnx.export;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Layer;
import java.util.function.UnaryOperator;

/** A layer written as a function of nn's ops, to export ops no built-in layer uses. */
final class Lambda extends Layer {
    private final UnaryOperator<Tensor> fn;

    Lambda(String name, UnaryOperator<Tensor> fn) {
        super(name);
        this.fn = fn;
    }

    @Override
    protected Tensor call(Tensor input, boolean training) {
        return fn.apply(input);
    }
}
