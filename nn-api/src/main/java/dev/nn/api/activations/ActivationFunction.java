package dev.nn.api.activations;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.backend.UnaryOp;

/**
 * An activation: an element-wise function ({@code fn} with parameter {@code alpha}) or, when
 * {@code fn} is null, softmax over the last axis.
 *
 * @param name  the Keras name ("relu", "leaky_relu", "softmax", ...)
 * @param fn    the element-wise function, or null for softmax
 * @param alpha the function's parameter (leaky slope, ELU alpha), 0 when it has none
 */
public record ActivationFunction(String name, UnaryOp fn, float alpha) {

    public Tensor apply(Tensor x) {
        return fn == null ? Ops.softmax(x) : Ops.unary(fn, alpha, x);
    }

    public boolean isSoftmax() {
        return fn == null;
    }

    /**
     * True when a dense op can apply it inside its kernel. Sigmoid is kept out, like softmax, so
     * that an output layer's logits stay available to a fused cross-entropy.
     */
    public boolean fusesIntoDense() {
        return fn != null && fn != UnaryOp.SIGMOID && fn.derivativeFromOutput(alpha);
    }
}
