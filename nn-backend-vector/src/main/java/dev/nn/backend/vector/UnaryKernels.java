package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import dev.nn.api.backend.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/** Element-wise activations and their gradients, lane by lane as {@link UnaryOp} defines them. */
final class UnaryKernels {

    private static final float SELU_SA = UnaryOp.SELU_SCALE * UnaryOp.SELU_ALPHA;

    private UnaryKernels() {
    }

    /** {@code y[off..off+n) = f(x[off..off+n))}. */
    static void apply(UnaryOp op, float alpha, float[] x, float[] y, int off, int n) {
        int end = off + n;
        int i = off;
        for (int bound = off + F.loopBound(n); i < bound; i += L) {
            value(op, alpha, FloatVector.fromArray(F, x, i)).intoArray(y, i);
        }
        if (i < end) {
            VectorMask<Float> m = F.indexInRange(i, end);
            value(op, alpha, FloatVector.fromArray(F, x, i, m)).intoArray(y, i, m);
        }
    }

    /** {@code dx = dy · f'(x)} over n elements. */
    static void grad(UnaryOp op, float alpha, float[] x, float[] y, float[] dy, float[] dx, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            FloatVector d = derivative(op, alpha, FloatVector.fromArray(F, x, i), FloatVector.fromArray(F, y, i));
            FloatVector.fromArray(F, dy, i).mul(d).intoArray(dx, i);
        }
        if (i < n) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector d = derivative(op, alpha, FloatVector.fromArray(F, x, i, m), FloatVector.fromArray(F, y, i, m));
            FloatVector.fromArray(F, dy, i, m).mul(d).intoArray(dx, i, m);
        }
    }

    static FloatVector value(UnaryOp op, float alpha, FloatVector x) {
        return switch (op) {
            case IDENTITY -> x;
            case RELU -> FloatVector.zero(F).blend(x, x.compare(VectorOperators.GT, 0f));
            case LEAKY_RELU -> x.mul(alpha).blend(x, x.compare(VectorOperators.GT, 0f));
            case ELU -> x.lanewise(VectorOperators.EXPM1).mul(alpha).blend(x, x.compare(VectorOperators.GT, 0f));
            case SELU -> x.lanewise(VectorOperators.EXPM1).mul(UnaryOp.SELU_ALPHA)
                    .blend(x, x.compare(VectorOperators.GT, 0f)).mul(UnaryOp.SELU_SCALE);
            case SIGMOID -> sigmoid(x);
            case TANH -> x.lanewise(VectorOperators.TANH);
            case SOFTPLUS -> x.max(0f).add(x.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P));
            case HEAVISIDE -> FloatVector.zero(F).blend(1f, x.compare(VectorOperators.GE, 0f));
            case EXP -> x.lanewise(VectorOperators.EXP);
            case LOG -> x.lanewise(VectorOperators.LOG);
            case NEG -> x.neg();
            case SQUARE -> x.mul(x);
            case SQRT -> x.sqrt();
            case ABS -> x.abs();
            case HUBER -> huber(x, alpha);
        };
    }

    static FloatVector derivative(UnaryOp op, float alpha, FloatVector x, FloatVector y) {
        return switch (op) {
            case IDENTITY -> FloatVector.broadcast(F, 1f);
            case RELU -> FloatVector.zero(F).blend(1f, x.compare(VectorOperators.GT, 0f));
            case LEAKY_RELU -> FloatVector.broadcast(F, alpha).blend(1f, x.compare(VectorOperators.GT, 0f));
            case ELU -> y.add(alpha).blend(1f, x.compare(VectorOperators.GT, 0f));
            case SELU -> y.add(SELU_SA).blend(UnaryOp.SELU_SCALE, x.compare(VectorOperators.GT, 0f));
            case SIGMOID -> y.mul(y.neg().add(1f));
            case TANH -> y.mul(y).neg().add(1f);
            case SOFTPLUS -> sigmoid(x);
            case HEAVISIDE -> FloatVector.zero(F);
            case EXP -> y;
            case LOG -> FloatVector.broadcast(F, 1f).div(x);
            case NEG -> FloatVector.broadcast(F, -1f);
            case SQUARE -> x.mul(2f);
            case SQRT -> FloatVector.broadcast(F, 0.5f).div(y);
            case ABS -> signum(x);
            case HUBER -> signum(x).mul(alpha).blend(x, x.abs().compare(VectorOperators.LE, alpha));
        };
    }

    /** 1/(1+e^-x) for x ≥ 0 and e^x/(1+e^x) below, so the exponential never overflows. */
    private static FloatVector sigmoid(FloatVector x) {
        FloatVector e = x.abs().neg().lanewise(VectorOperators.EXP);
        FloatVector num = FloatVector.broadcast(F, 1f).blend(e, x.compare(VectorOperators.LT, 0f));
        return num.div(e.add(1f));
    }

    /** Math.signum lane-wise: ±1, and x itself for ±0 and NaN. */
    private static FloatVector signum(FloatVector x) {
        return x.blend(1f, x.compare(VectorOperators.GT, 0f)).blend(-1f, x.compare(VectorOperators.LT, 0f));
    }

    private static FloatVector huber(FloatVector x, float delta) {
        FloatVector ax = x.abs();
        FloatVector quadratic = x.mul(x).mul(0.5f);
        FloatVector linear = ax.sub(0.5f * delta).mul(delta);
        return linear.blend(quadratic, ax.compare(VectorOperators.LE, delta));
    }
}
