package dev.nn.backend.onnx.export;

import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.AttributeProto.AttributeType;

/** Node attributes, with their type set as the checker requires. */
final class Attrs {
    private Attrs() {
    }

    static AttributeProto f(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto i(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }
}
