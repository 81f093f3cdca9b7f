package dev.nn.api.activations;

import dev.nn.api.backend.UnaryOp;
import java.util.Locale;

/** The built-in activations, by factory method or by Keras name. */
public final class Activations {

    private Activations() {
    }

    public static ActivationFunction linear() {
        return new ActivationFunction("linear", UnaryOp.IDENTITY, 0f);
    }

    public static ActivationFunction heaviside() {
        return new ActivationFunction("heaviside", UnaryOp.HEAVISIDE, 0f);
    }

    public static ActivationFunction sigmoid() {
        return new ActivationFunction("sigmoid", UnaryOp.SIGMOID, 0f);
    }

    public static ActivationFunction tanh() {
        return new ActivationFunction("tanh", UnaryOp.TANH, 0f);
    }

    public static ActivationFunction relu() {
        return new ActivationFunction("relu", UnaryOp.RELU, 0f);
    }

    /** Leaky ReLU with Keras's default slope of 0.2. */
    public static ActivationFunction leakyRelu() {
        return leakyRelu(0.2f);
    }

    public static ActivationFunction leakyRelu(float slope) {
        return new ActivationFunction("leaky_relu", UnaryOp.LEAKY_RELU, slope);
    }

    public static ActivationFunction elu() {
        return elu(1f);
    }

    public static ActivationFunction elu(float alpha) {
        return new ActivationFunction("elu", UnaryOp.ELU, alpha);
    }

    public static ActivationFunction selu() {
        return new ActivationFunction("selu", UnaryOp.SELU, 0f);
    }

    public static ActivationFunction softplus() {
        return new ActivationFunction("softplus", UnaryOp.SOFTPLUS, 0f);
    }

    public static ActivationFunction softmax() {
        return new ActivationFunction("softmax", null, 0f);
    }

    /** An activation by its Keras name; null or "" means linear. */
    public static ActivationFunction get(String name) {
        if (name == null || name.isEmpty()) {
            return linear();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "linear", "identity", "none" -> linear();
            case "heaviside", "step" -> heaviside();
            case "sigmoid", "logistic" -> sigmoid();
            case "tanh" -> tanh();
            case "relu" -> relu();
            case "leaky_relu", "leakyrelu" -> leakyRelu();
            case "elu" -> elu();
            case "selu" -> selu();
            case "softplus" -> softplus();
            case "softmax" -> softmax();
            default -> throw new IllegalArgumentException("unknown activation '" + name
                    + "'; known: linear, heaviside, sigmoid, tanh, relu, leaky_relu, elu, selu, softplus, softmax");
        };
    }
}
