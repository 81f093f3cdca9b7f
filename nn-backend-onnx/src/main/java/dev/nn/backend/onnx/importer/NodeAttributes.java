package dev.nn.backend.onnx.importer;

import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.NodeProto;
import java.util.HashMap;
import java.util.Map;

/** A node's attributes by name, with the spec's defaults supplied by the caller. */
final class NodeAttributes {
    private final Map<String, AttributeProto> byName = new HashMap<>();

    NodeAttributes(NodeProto node) {
        node.getAttributeList().forEach(a -> byName.put(a.getName(), a));
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    long i(String name, long orElse) {
        AttributeProto a = byName.get(name);
        return a == null ? orElse : a.getI();
    }

    float f(String name, float orElse) {
        AttributeProto a = byName.get(name);
        return a == null ? orElse : a.getF();
    }

    long[] ints(String name) {
        AttributeProto a = byName.get(name);
        return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    AttributeProto get(String name) {
        return byName.get(name);
    }
}
