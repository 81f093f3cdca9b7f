package dev.nn.backend.onnx.inspect;

import java.util.List;
import java.util.Optional;

/**
 * A graph input or output as the model declares it.
 *
 * @param name        the value's name
 * @param elementType the spec's name of the element type, e.g. FLOAT; "unknown" when not a tensor
 * @param shape       the declared dimensions; empty when the model leaves even the rank open
 */
public record ValueSummary(String name, String elementType, Optional<List<Dim>> shape) {

    public ValueSummary {
        shape = shape.map(List::copyOf);
    }

    @Override
    public String toString() {
        return name + ": " + elementType + shape.map(List::toString).orElse("[rank unknown]");
    }
}
