package dev.nn.backend.onnx;

import com.google.protobuf.ByteString;
import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.ModelProto;
import dev.nn.backend.onnx.proto.NodeProto;
import dev.nn.backend.onnx.proto.OperatorSetIdProto;
import dev.nn.backend.onnx.proto.TensorProto;
import dev.nn.backend.onnx.proto.TensorShapeProto;
import dev.nn.backend.onnx.proto.TypeProto;
import dev.nn.backend.onnx.proto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Small ONNX models built with the generated builders, for tests. */
public final class TinyModels {
    /** Gemm weight W, shape [2, 3] (out, in), used with transB=1 like torch's Linear. */
    public static final float[] W = {0.5f, -1f, 2f, 1.5f, 0.25f, -0.75f};
    public static final float[] B = {0.1f, -0.2f};

    private TinyModels() {
    }

    /** y = Relu(Gemm(x, W, B, transB=1)), x: float[batch, 3], y: float[batch, 2]; opset 17, IR version 8. */
    public static ModelProto gemmRelu() {
        GraphProto graph = GraphProto.newBuilder()
                .setName("gemm_relu")
                .addInput(floatValue("x", "batch", 3))
                .addOutput(floatValue("y", "batch", 2))
                // W in raw_data and B in float_data, so that both storage paths get exercised
                .addInitializer(rawFloats("W", W, 2, 3))
                .addInitializer(TensorProto.newBuilder().setName("B").setDataType(TensorProto.DataType.FLOAT_VALUE)
                        .addDims(2).addFloatData(B[0]).addFloatData(B[1]))
                .addNode(NodeProto.newBuilder().setName("fc").setOpType("Gemm")
                        .addInput("x").addInput("W").addInput("B").addOutput("h")
                        .addAttribute(AttributeProto.newBuilder().setName("transB").setI(1)
                                .setType(AttributeProto.AttributeType.INT)))
                .addNode(NodeProto.newBuilder().setName("act").setOpType("Relu").addInput("h").addOutput("y"))
                .build();
        return model(graph);
    }

    /** y = Relu(Gemm(x, W, B, transB=1)) computed by hand, row-major [batch, 3] in, [batch, 2] out. */
    public static float[] gemmReluByHand(float[] x) {
        int batch = x.length / 3;
        float[] y = new float[batch * 2];
        for (int r = 0; r < batch; r++) {
            for (int o = 0; o < 2; o++) {
                float sum = B[o];
                for (int i = 0; i < 3; i++) {
                    sum += x[r * 3 + i] * W[o * 3 + i];
                }
                y[r * 2 + o] = Math.max(0f, sum);
            }
        }
        return y;
    }

    public static ModelProto model(GraphProto graph) {
        return ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("nn-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17))
                .setGraph(graph)
                .build();
    }

    /** A float tensor value; each dim is an Integer size or a String symbol. */
    public static ValueInfoProto floatValue(String name, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            TensorShapeProto.Dimension.Builder d = shape.addDimBuilder();
            if (dim instanceof Integer size) {
                d.setDimValue(size);
            } else {
                d.setDimParam((String) dim);
            }
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
                .build();
    }

    public static TensorProto rawFloats(String name, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(bytes.array()));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }

    /** A node with one op type, inputs and outputs, for graph-shape tests. */
    public static NodeProto node(String name, String opType, String[] inputs, String... outputs) {
        return NodeProto.newBuilder().setName(name).setOpType(opType)
                .addAllInput(List.of(inputs)).addAllOutput(List.of(outputs)).build();
    }
}
