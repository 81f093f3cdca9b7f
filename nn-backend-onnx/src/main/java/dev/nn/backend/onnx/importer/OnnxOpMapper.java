package dev.nn.backend.onnx.importer;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.backend.UnaryOp;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.proto.NodeProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Maps one ONNX node (ai.onnx domain) onto nn's ops: the core of the importer. Given concrete
 * tensors it computes, given symbolic ones it traces, and given variables' values it records
 * gradients, so the same mapping serves inference, tracing into a model, and fine-tuning.
 * It depends on nothing but {@link Ops}: no model class, no layer.
 */
public final class OnnxOpMapper {
    /** The op types {@link #apply} maps. */
    public static final Set<String> SUPPORTED = Set.of("Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Relu",
            "LeakyRelu", "Elu", "Selu", "Sigmoid", "Tanh", "Softplus", "Softmax", "LogSoftmax", "Exp", "Log", "Neg",
            "Sqrt", "Abs", "Concat", "Flatten", "Reshape", "Identity", "Constant", "ReduceSum", "ReduceMean", "Clip",
            "Min", "GreaterOrEqual", "Cast");

    private final int opset;

    /** @param opset the model's ai.onnx opset, which decides where some ops keep their axes */
    public OnnxOpMapper(int opset) {
        this.opset = opset;
    }

    private static Tensor min(NodeProto node, List<Value> in) {
        Tensor m = t(node, in, 0);
        for (int i = 1; i < in.size(); i++) {
            Tensor b = t(node, in, i);
            m = Ops.sub(m, Ops.relu(Ops.sub(m, b)));
        }
        return m;
    }

    /** nn computes in float32 only, so only a Cast to FLOAT (type 1) of a value it holds as floats is possible. */
    private static Value castToFloat(NodeProto node, NodeAttributes a, Value v) {
        if (a.i("to", -1) != 1 || !(v instanceof Value.Floats)) {
            throw new OnnxException("node '" + node.getName() + "': Cast to type " + a.i("to", -1)
                    + " of a non-float value; nn imports only Casts to FLOAT (1) of float values");
        }
        return v;
    }

    /**
     * The outputs of {@code node} for these inputs (an absent optional input is null).
     *
     * @throws OnnxException naming the node, when it uses a form of its op that nn cannot express
     */
    public List<Value> apply(NodeProto node, List<Value> in) {
        NodeAttributes a = new NodeAttributes(node);
        Value out = switch (node.getOpType()) {
            case "Gemm" -> new Value.Floats(gemm(node, a, in));
            case "MatMul" -> floats(Ops.matmul(t(node, in, 0), t(node, in, 1)));
            case "Add" -> floats(Ops.add(t(node, in, 0), t(node, in, 1)));
            case "Sub" -> floats(Ops.sub(t(node, in, 0), t(node, in, 1)));
            case "Mul" -> floats(Ops.mul(t(node, in, 0), t(node, in, 1)));
            case "Div" -> floats(Ops.div(t(node, in, 0), t(node, in, 1)));
            case "Relu" -> floats(Ops.relu(t(node, in, 0)));
            case "LeakyRelu" -> floats(Ops.leakyRelu(t(node, in, 0), a.f("alpha", 0.01f)));
            case "Elu" -> floats(Ops.elu(t(node, in, 0), a.f("alpha", 1f)));
            case "Selu" -> floats(selu(a, t(node, in, 0)));
            case "Sigmoid" -> floats(Ops.sigmoid(t(node, in, 0)));
            case "Tanh" -> floats(Ops.tanh(t(node, in, 0)));
            case "Softplus" -> floats(Ops.softplus(t(node, in, 0)));
            case "Softmax" -> floats(Ops.softmax(lastAxisOnly(node, a, t(node, in, 0))));
            case "LogSoftmax" -> floats(Ops.logSoftmax(lastAxisOnly(node, a, t(node, in, 0))));
            case "Exp" -> floats(Ops.exp(t(node, in, 0)));
            case "Log" -> floats(Ops.log(t(node, in, 0)));
            case "Neg" -> floats(Ops.neg(t(node, in, 0)));
            case "Sqrt" -> floats(Ops.sqrt(t(node, in, 0)));
            case "Abs" -> floats(Ops.abs(t(node, in, 0)));
            case "Concat" -> floats(concat(node, a, in));
            case "Flatten" -> floats(flatten(node, a, t(node, in, 0)));
            case "Reshape" -> floats(reshape(node, a, t(node, in, 0), ints(node, in, 1)));
            case "Identity" -> in.get(0);
            case "Constant" -> Constants.of(node, a);
            case "ReduceSum" -> floats(reduce(node, a, in, opset >= 13, false));
            case "ReduceMean" -> floats(reduce(node, a, in, opset >= 18, true));
            // min(a, b) = a − relu(a − b): nn has no minimum op, and this form keeps the gradient
            case "Min" -> floats(min(node, in));
            // a ≥ b as 1.0 or 0.0, the Heaviside step of a − b; a Cast to float then leaves it as is
            case "GreaterOrEqual" -> floats(Ops.heaviside(Ops.sub(t(node, in, 0), t(node, in, 1))));
            case "Cast" -> castToFloat(node, a, in.get(0));
            case "Clip" -> floats(Ops.clip(t(node, in, 0), bound(node, in, 1, Float.NEGATIVE_INFINITY),
                    bound(node, in, 2, Float.POSITIVE_INFINITY)));
            default -> throw new OnnxException(label(node) + ": op type " + node.getOpType() + " is not supported; "
                    + "nn imports " + SUPPORTED);
        };
        return List.of(out);
    }

    /**
     * {@code alpha·op(A)·op(B) + beta·C}. A transposed B must be a constant; the importer stores
     * weights in nn's (in, out) layout beforehand (see {@link GemmLayout}) so they stay trainable.
     */
    private static Tensor gemm(NodeProto node, NodeAttributes a, List<Value> in) {
        if (a.i("transA", 0) != 0) {
            throw new OnnxException(label(node) + ": Gemm with transA=1 is not supported (nn has no transpose op)");
        }
        Tensor x = t(node, in, 0);
        Tensor w = t(node, in, 1);
        if (a.i("transB", 0) != 0) {
            if (w.isSymbolic() || w.variable() != null) {
                throw new OnnxException(label(node) + ": Gemm with transB=1 needs B as a constant; "
                        + "GemmLayout.normalize stores such weights transposed for training");
            }
            w = transpose(w);
        }
        Tensor c = in.size() > 2 && in.get(2) != null ? t(node, in, 2) : null;
        float alpha = a.f("alpha", 1f);
        float beta = a.f("beta", 1f);
        if (alpha == 1f && beta == 1f && (c == null || c.rank() == 1)) {
            return Ops.dense(x, w, c, UnaryOp.IDENTITY, 0f); // the op nn's Dense layer uses
        }
        Tensor y = Ops.matmul(x, w);
        y = alpha == 1f ? y : Ops.mul(y, alpha);
        return c == null ? y : Ops.add(y, beta == 1f ? c : Ops.mul(c, beta));
    }

    static Tensor transpose(Tensor w) {
        int rows = w.dim(0);
        int cols = w.dim(1);
        float[] src = w.buffer();
        float[] out = new float[src.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = src[r * cols + c];
            }
        }
        return Tensor.wrap(out, cols, rows);
    }

    /** nn's SELU when the constants are its own, else gamma·elu(x, alpha), which is the same function. */
    private static Tensor selu(NodeAttributes a, Tensor x) {
        float alpha = a.f("alpha", UnaryOp.SELU_ALPHA);
        float gamma = a.f("gamma", UnaryOp.SELU_SCALE);
        if (Math.abs(alpha - UnaryOp.SELU_ALPHA) < 1e-6f && Math.abs(gamma - UnaryOp.SELU_SCALE) < 1e-6f) {
            return Ops.selu(x);
        }
        return Ops.mul(Ops.elu(x, alpha), gamma);
    }

    /** nn's softmax runs over the last axis; opsets before 13 flattened from the axis on, the same for rank 2. */
    private Tensor lastAxisOnly(NodeProto node, NodeAttributes a, Tensor x) {
        long axis = a.i("axis", opset >= 13 ? -1 : 1);
        long last = x.rank() - 1;
        if (axis != -1 && axis != last) {
            throw new OnnxException(label(node) + ": " + node.getOpType() + " over axis " + axis + " of a rank-"
                    + x.rank() + " tensor; nn's runs over the last axis only");
        }
        return x;
    }

    private static Tensor concat(NodeProto node, NodeAttributes a, List<Value> in) {
        List<Tensor> parts = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            parts.add(t(node, in, i));
        }
        return Ops.concat(parts, axis(node, a.i("axis", 0)));
    }

    /** Flatten keeps the axes before {@code axis} as rows and joins the rest. */
    private static Tensor flatten(NodeProto node, NodeAttributes a, Tensor x) {
        int[] s = x.shape();
        int axis = axis(node, a.i("axis", 1));
        axis = axis < 0 ? axis + s.length : axis;
        if (axis == 1) {
            return Ops.flatten(x);
        }
        long rows = 1;
        long cols = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 0) {
                throw new OnnxException(label(node) + ": Flatten at axis " + axis + " of shape with an unknown dimension;"
                        + " nn can flatten such a tensor at axis 1 only");
            }
            if (i < axis) {
                rows *= s[i];
            } else {
                cols *= s[i];
            }
        }
        return Ops.reshape(x, Math.toIntExact(rows), Math.toIntExact(cols));
    }

    /** An axis attribute or input as an int; a value past int range would wrap to a valid-looking axis. */
    private static int axis(NodeProto node, long axis) {
        if (axis < Integer.MIN_VALUE || axis > Integer.MAX_VALUE) {
            throw new OnnxException(label(node) + ": axis " + axis + " is out of range");
        }
        return (int) axis;
    }

    /** ONNX's 0 copies the input's dimension (unless allowzero); nn has only -1 for "infer". */
    private static Tensor reshape(NodeProto node, NodeAttributes a, Tensor x, long[] shape) {
        int[] from = x.shape();
        int[] to = new int[shape.length];
        int unknown = 0;
        for (int i = 0; i < shape.length; i++) {
            long d = shape[i];
            if (d == 0 && a.i("allowzero", 0) == 0) {
                if (i >= from.length) {
                    throw new OnnxException(label(node) + ": Reshape of shape " + Arrays.toString(from) + " to "
                            + Arrays.toString(shape) + " copies dimension " + i + ", which the input does not have");
                }
                d = from[i];
            }
            if (d == 0) {
                throw new OnnxException(label(node) + ": Reshape to an empty dimension is not supported");
            }
            // found by OnnxFuzzTest: a target dimension past int range overflowed in toIntExact
            if (d < -1 || d > Integer.MAX_VALUE) {
                throw new OnnxException(label(node) + ": Reshape target " + Arrays.toString(shape) + " has dimension "
                        + d + "; dimensions are positive ints, or -1 for the one to infer");
            }
            to[i] = (int) d;
            unknown += to[i] < 0 ? 1 : 0;
        }
        if (unknown > 1) {
            throw new OnnxException(label(node) + ": Reshape of shape " + Arrays.toString(from) + " to "
                    + Arrays.toString(shape) + " leaves " + unknown + " dimensions unknown; nn infers one");
        }
        return Ops.reshape(x, to);
    }

    /** Axes from the attribute (older opsets) or the second input; none means every axis. */
    private static Tensor reduce(NodeProto node, NodeAttributes a, List<Value> in, boolean axesAsInput, boolean mean) {
        Tensor x = t(node, in, 0);
        long[] axes = axesAsInput ? (in.size() > 1 && in.get(1) != null ? ints(node, in, 1) : null) : a.ints("axes");
        boolean keep = a.i("keepdims", 1) != 0;
        if (axes == null || axes.length == 0) {
            if (a.i("noop_with_empty_axes", 0) != 0) {
                return x;
            }
            Tensor all = mean ? Ops.mean(x) : Ops.sum(x);
            if (!keep) {
                return all;
            }
            int[] ones = new int[x.rank()];
            Arrays.fill(ones, 1);
            return Ops.reshape(all, ones);
        }
        // one axis at a time, the highest first so that the others keep their positions
        long[] sorted = Arrays.stream(axes).map(ax -> ax < 0 ? ax + x.rank() : ax).sorted().toArray();
        Tensor y = x;
        for (int i = sorted.length - 1; i >= 0; i--) {
            y = mean ? Ops.mean(y, axis(node, sorted[i]), keep) : Ops.sum(y, axis(node, sorted[i]), keep);
        }
        return y;
    }

    private static float bound(NodeProto node, List<Value> in, int index, float orElse) {
        if (in.size() <= index || in.get(index) == null) {
            return orElse;
        }
        Tensor b = t(node, in, index);
        if (b.isSymbolic() || b.variable() != null) {
            throw new OnnxException(label(node) + ": Clip bounds must be constants");
        }
        return b.item();
    }

    private static Value floats(Tensor t) {
        return new Value.Floats(t);
    }

    private static Tensor t(NodeProto node, List<Value> in, int index) {
        if (index >= in.size() || !(in.get(index) instanceof Value.Floats(Tensor tensor))) {
            throw new OnnxException(label(node) + ": input " + index + " must be a float32 tensor");
        }
        return tensor;
    }

    private static long[] ints(NodeProto node, List<Value> in, int index) {
        if (index >= in.size() || !(in.get(index) instanceof Value.Ints(long[] values))) {
            throw new OnnxException(label(node) + ": input " + index + " must be a constant int64 tensor");
        }
        return values;
    }

    static String label(NodeProto node) {
        return "node '" + node.getName() + "' (" + node.getOpType() + ")";
    }
}
