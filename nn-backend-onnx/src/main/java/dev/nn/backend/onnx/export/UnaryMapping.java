package dev.nn.backend.onnx.export;

import dev.nn.api.backend.UnaryOp;
import dev.nn.backend.onnx.proto.TensorProto;
import java.util.List;

/** nn's element-wise functions as ONNX nodes: one operator where ONNX has it, else a composition. */
final class UnaryMapping {
    private final GraphBuilder g;

    UnaryMapping(GraphBuilder g) {
        this.g = g;
    }

    /** Writes {@code out = fn(in)} with nodes named after {@code name}. */
    void emit(UnaryOp fn, float alpha, String name, String in, String out) {
        switch (fn) {
            case IDENTITY -> g.node("Identity", name, List.of(in), out);
            case RELU -> g.node("Relu", name, List.of(in), out);
            case LEAKY_RELU -> g.node("LeakyRelu", name, List.of(in), out, Attrs.f("alpha", alpha));
            case ELU -> g.node("Elu", name, List.of(in), out, Attrs.f("alpha", alpha));
            // nn's constants, not ONNX's defaults, which are rounded differently
            case SELU -> g.node("Selu", name, List.of(in), out,
                    Attrs.f("alpha", UnaryOp.SELU_ALPHA), Attrs.f("gamma", UnaryOp.SELU_SCALE));
            case SIGMOID -> g.node("Sigmoid", name, List.of(in), out);
            case TANH -> g.node("Tanh", name, List.of(in), out);
            case SOFTPLUS -> g.node("Softplus", name, List.of(in), out);
            case EXP -> g.node("Exp", name, List.of(in), out);
            case LOG -> g.node("Log", name, List.of(in), out);
            case NEG -> g.node("Neg", name, List.of(in), out);
            case SQRT -> g.node("Sqrt", name, List.of(in), out);
            case ABS -> g.node("Abs", name, List.of(in), out);
            case SQUARE -> g.node("Mul", name, List.of(in, in), out);
            case HEAVISIDE -> heaviside(name, in, out);
            case HUBER -> huber(alpha, name, in, out);
        }
    }

    /** 1 where x ≥ 0, else 0 (NaN gives 0, as in nn). */
    private void heaviside(String name, String in, String out) {
        String zero = g.scalar(name + "/zero", 0f);
        String isNonNegative = g.value(name + "/non_negative");
        g.node("GreaterOrEqual", name + "/non_negative", List.of(in, zero), isNonNegative);
        g.node("Cast", name, List.of(isNonNegative), out, Attrs.i("to", TensorProto.DataType.FLOAT_VALUE));
    }

    /**
     * Huber's function with q = min(|x|, δ): {@code ½q² + δ(|x| − q)}, which is ½x² within ±δ and
     * δ(|x| − ½δ) outside, without a branch.
     */
    private void huber(float delta, String name, String in, String out) {
        String d = g.scalar(name + "/delta", delta);
        String abs = tmp("Abs", name + "/abs", in);
        String q = tmp("Min", name + "/quadratic_part", abs, d);
        String qq = tmp("Mul", name + "/square", q, q);
        String half = tmp("Mul", name + "/half_square", qq, g.scalar(name + "/half", 0.5f));
        String linear = tmp("Mul", name + "/linear", tmp("Sub", name + "/excess", abs, q), d);
        g.node("Add", name, List.of(half, linear), out);
    }

    private String tmp(String opType, String name, String... inputs) {
        String out = g.value(name);
        g.node(opType, name, List.of(inputs), out);
        return out;
    }
}
