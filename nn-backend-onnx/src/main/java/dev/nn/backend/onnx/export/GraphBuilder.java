package dev.nn.backend.onnx.export;

import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.NodeProto;
import dev.nn.backend.onnx.proto.TensorProto;
import dev.nn.backend.onnx.proto.TensorShapeProto;
import dev.nn.backend.onnx.proto.TypeProto;
import dev.nn.backend.onnx.proto.ValueInfoProto;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX graph being exported: its inputs, outputs, nodes and initializers, and the names they
 * use. Node names and value names are separate namespaces in ONNX; each is kept unique here.
 */
final class GraphBuilder {
    /** The symbolic name of every graph input's and output's first dimension. */
    static final String BATCH = "batch";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final UniqueNames nodeNames = new UniqueNames();
    private final UniqueNames valueNames = new UniqueNames();
    // a shared layer's weight, or a constant used twice, is stored once
    private final Map<Variable, String> weights = new IdentityHashMap<>();
    private final Map<Tensor, String> constants = new IdentityHashMap<>();
    private final int opset;

    GraphBuilder(int opset) {
        this.opset = opset;
    }

    int opset() {
        return opset;
    }

    void input(String name, int[] shape) {
        graph.addInput(floatValue(valueNames.claimExactly(name, "model input"), shape));
    }

    /** Reserves a graph output's name before any node could take it. */
    void reserveOutput(String name) {
        valueNames.claimExactly(name, "model output");
    }

    void output(String name, int[] shape) {
        graph.addOutput(floatValue(name, shape));
    }

    /** A fresh value name, for a node's output. */
    String value(String wanted) {
        return valueNames.claim(wanted);
    }

    void node(String opType, String name, List<String> inputs, String output, AttributeProto... attrs) {
        graph.addNode(NodeProto.newBuilder().setOpType(opType).setName(nodeNames.claim(name))
                .addAllInput(inputs).addOutput(output).addAllAttribute(List.of(attrs)));
    }

    /** The initializer holding a variable's current value, named by the variable ("dense/kernel"). */
    String weight(Variable v) {
        return weights.computeIfAbsent(v, key -> addFloats(key.name(), key.buffer(), key.shape()));
    }

    /** The initializer holding a constant operand (the scalar of {@code add(x, 1f)}, ...). */
    String constant(Tensor t, String wanted) {
        return constants.computeIfAbsent(t, key -> addFloats(wanted, key.buffer(), key.shape()));
    }

    /** A new rank-0 float initializer, for the parameters of composed ops. */
    String scalar(String wanted, float value) {
        return addFloats(wanted, new float[] {value}, new int[0]);
    }

    /** A new one-dimensional int64 initializer (a shape, or axes). */
    String int64s(String wanted, long... values) {
        String name = valueNames.claim(wanted);
        graph.addInitializer(TensorProtos.int64s(name, values));
        return name;
    }

    GraphProto build(String name) {
        return graph.setName(name).build();
    }

    private String addFloats(String wanted, float[] values, int[] shape) {
        String name = valueNames.claim(wanted);
        graph.addInitializer(TensorProtos.floats(name, values, shape));
        return name;
    }

    /** A float tensor value; an unknown first dimension is the batch, other unknowns stay unnamed. */
    private static ValueInfoProto floatValue(String name, int[] shape) {
        TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
        for (int i = 0; i < shape.length; i++) {
            TensorShapeProto.Dimension.Builder d = dims.addDimBuilder();
            if (shape[i] >= 0) {
                d.setDimValue(shape[i]);
            } else if (i == 0) {
                d.setDimParam(BATCH);
            }
        }
        return ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(dims)))
                .build();
    }
}
