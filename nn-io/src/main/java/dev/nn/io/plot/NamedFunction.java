package dev.nn.io.plot;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/** A real function with the name its curve carries in a legend, e.g. {@code ("ReLU", x -> max(0, x))}. */
public record NamedFunction(String name, DoubleUnaryOperator function) {
    public NamedFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
    }
}
