package dev.nn.backend.onnx.importer;

import dev.nn.api.Tensor;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.NodeProto;

/** The value of a Constant node, from whichever of its value attributes is set. */
final class Constants {
    private Constants() {
    }

    static Value of(NodeProto node, NodeAttributes a) {
        if (a.has("value")) {
            return TensorValues.of(a.get("value").getT(), OnnxOpMapper.label(node));
        }
        if (a.has("value_float")) {
            return new Value.Floats(Tensor.scalar(a.get("value_float").getF()));
        }
        if (a.has("value_floats")) {
            AttributeProto f = a.get("value_floats");
            float[] v = new float[f.getFloatsCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = f.getFloats(i);
            }
            return new Value.Floats(Tensor.vector(v));
        }
        if (a.has("value_int")) {
            return new Value.Ints(new long[] {a.get("value_int").getI()});
        }
        if (a.has("value_ints")) {
            return new Value.Ints(a.ints("value_ints"));
        }
        throw new OnnxException(OnnxOpMapper.label(node) + ": Constant without a value nn can read "
                + "(value, value_float(s) or value_int(s))");
    }
}
