package dev.nn.api;

import java.util.List;
import java.util.Map;

/**
 * One op in a traced graph: what {@link Ops} records instead of computing when an input is
 * symbolic. Inputs are symbolic tensors or concrete ones (variables and constants).
 *
 * @param op     the op's name in nn's vocabulary ({@link OpType})
 * @param name   a unique node name; it begins with the layer that called the op
 * @param inputs the op's operands
 * @param attrs  the op's parameters (activation, axis, shape, alpha ...)
 */
public record OpNode(OpType op, String name, List<Tensor> inputs, Map<String, Object> attrs) {

    public OpNode {
        inputs = List.copyOf(inputs);
        attrs = Map.copyOf(attrs);
    }

    /** An attribute that must be present. */
    @SuppressWarnings("unchecked")
    public <T> T attr(String key) {
        Object v = attrs.get(key);
        if (v == null) {
            throw new IllegalStateException("op node " + name + " (" + op + ") has no attribute '" + key + "'");
        }
        return (T) v;
    }
}
