package dev.nn.backend.onnx.export;

import dev.nn.api.OpNode;
import dev.nn.api.Tensor;
import dev.nn.api.backend.UnaryOp;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.proto.AttributeProto;
import java.util.List;

/**
 * Maps one traced op of nn onto ONNX nodes (ai.onnx, opsets 17 to 21). The first node is named
 * by the op ("dense_1/dense"), so ONNX tools show nn's layer names; helper nodes add a suffix.
 */
final class OpMapping {
    private final GraphBuilder g;
    private final UnaryMapping unary;

    OpMapping(GraphBuilder g) {
        this.g = g;
        this.unary = new UnaryMapping(g);
    }

    /**
     * Writes the nodes computing {@code node}.
     *
     * @param in  the ONNX value names of the node's operands, in order
     * @param out the ONNX value name its result must have
     */
    void emit(OpNode node, List<String> in, String out) {
        String name = node.name();
        switch (node.op()) {
            case MATMUL -> g.node("MatMul", name, in, out);
            case ADD -> g.node("Add", name, in, out);
            case SUB -> g.node("Sub", name, in, out);
            case MUL -> g.node("Mul", name, in, out);
            case DIV -> g.node("Div", name, in, out);
            case UNARY -> unary.emit(node.attr("fn"), node.<Float>attr("alpha"), name, in.get(0), out);
            // nn's softmax is over the last axis; opset 13 and later take the axis as given
            case SOFTMAX -> g.node("Softmax", name, in, out, Attrs.i("axis", -1));
            case LOG_SOFTMAX -> g.node("LogSoftmax", name, in, out, Attrs.i("axis", -1));
            case DENSE -> dense(node, in, out);
            case RESHAPE -> {
                long[] shape = ReshapeTarget.of(node.inputs().get(0).shape(), node.attr("shape"), name);
                g.node("Reshape", name, List.of(in.get(0), g.int64s(name + "/shape", shape)), out);
            }
            case CONCAT -> g.node("Concat", name, in, out, Attrs.i("axis", node.<Integer>attr("axis")));
            case SUM -> reduce("ReduceSum", node, in.get(0), out, true);
            // ReduceMean took its axes as an attribute until opset 18 made them an input
            case MEAN -> reduce("ReduceMean", node, in.get(0), out, g.opset() >= 18);
            case CLIP -> g.node("Clip", name, List.of(in.get(0),
                    g.scalar(name + "/min", node.<Float>attr("min")),
                    g.scalar(name + "/max", node.<Float>attr("max"))), out);
            case SOFTMAX_CROSS_ENTROPY, SIGMOID_CROSS_ENTROPY -> throw new OnnxException("op " + name + " (" + node.op()
                    + ") is a training loss; an exported model computes predictions only, so trace the model, not its loss");
            case INPUT -> throw new IllegalStateException("graph input " + name + " is not an op to map");
        }
    }

    /**
     * {@code act(x·W + b)}: Gemm for a batch of vectors (it requires rank-2 operands), else MatMul
     * then Add, which broadcast over leading axes; then the activation, unless linear.
     */
    private void dense(OpNode node, List<String> in, String out) {
        String name = node.name();
        UnaryOp act = node.attr("fn");
        boolean linear = act == UnaryOp.IDENTITY;
        String z = linear ? out : g.value(name + "/linear");
        Tensor x = node.inputs().get(0);
        if (x.rank() == 2) {
            g.node("Gemm", name, in, z);
        } else if (in.size() == 2) {
            g.node("MatMul", name, in, z);
        } else {
            String product = g.value(name + "/matmul");
            g.node("MatMul", name, in.subList(0, 2), product);
            g.node("Add", name + "/bias", List.of(product, in.get(2)), z);
        }
        if (!linear) {
            unary.emit(act, node.<Float>attr("alpha"), name + "/" + act.name().toLowerCase(), z, out);
        }
    }

    /** A reduction over one axis (attr "axis") or, without it, over all axes. */
    private void reduce(String opType, OpNode node, String in, String out, boolean axesAsInput) {
        String name = node.name();
        Integer axis = (Integer) node.attrs().get("axis");
        AttributeProto keepDims = Attrs.i("keepdims", node.<Boolean>attr("keepDims") ? 1 : 0);
        if (axis == null) {
            // no axes: every axis is reduced (noop_with_empty_axes defaults to 0)
            g.node(opType, name, List.of(in), out, keepDims);
        } else if (axesAsInput) {
            g.node(opType, name, List.of(in, g.int64s(name + "/axes", axis)), out, keepDims);
        } else {
            g.node(opType, name, List.of(in), out, Attrs.ints("axes", axis), keepDims);
        }
    }
}
