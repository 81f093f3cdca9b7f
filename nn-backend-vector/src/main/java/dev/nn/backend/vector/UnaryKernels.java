package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import dev.nn.api.backend.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Element-wise activations and their gradients, lane by lane as {@link UnaryOp} defines them.
 *
 * <p>Each op has its own loop. One loop calling a switch over all ops would be shorter, but the
 * switch is too big for the JIT to inline, and a vector passed to a method that is not inlined
 * is boxed: an allocation per 16 floats and a tenth of the speed. Every loop uses a mask on
 * every step (free on AVX-512), so the tail needs no second copy of the body.
 */
final class UnaryKernels {

    private static final float SELU_SA = UnaryOp.SELU_SCALE * UnaryOp.SELU_ALPHA;

    private UnaryKernels() {
    }

    /** {@code y[off..off+n) = f(x[off..off+n))}. */
    static void apply(UnaryOp op, float alpha, float[] x, float[] y, int off, int n) {
        int end = off + n;
        switch (op) {
            case IDENTITY -> System.arraycopy(x, off, y, off, n);
            case RELU -> relu(x, y, off, end);
            case LEAKY_RELU -> leakyRelu(x, y, off, end, alpha);
            case ELU -> elu(x, y, off, end, alpha, 1f);
            case SELU -> elu(x, y, off, end, UnaryOp.SELU_ALPHA, UnaryOp.SELU_SCALE);
            case SIGMOID -> sigmoid(x, y, off, end);
            case TANH -> tanh(x, y, off, end);
            case SOFTPLUS -> softplus(x, y, off, end);
            case HEAVISIDE -> heaviside(x, y, off, end);
            case EXP -> exp(x, y, off, end);
            case LOG -> log(x, y, off, end);
            case NEG -> neg(x, y, off, end);
            case SQUARE -> square(x, y, off, end);
            case SQRT -> sqrt(x, y, off, end);
            case ABS -> abs(x, y, off, end);
            case HUBER -> huber(x, y, off, end, alpha);
        }
    }

    /** {@code dx = dy · f'(x)} over [off, off+n), f' taken from x or from y = f(x). */
    static void grad(UnaryOp op, float alpha, float[] x, float[] y, float[] dy, float[] dx, int off, int n) {
        int end = off + n;
        switch (op) {
            case IDENTITY -> scaled(dy, dx, off, end, 1f);
            case RELU -> step(x, dy, dx, off, end, 1f, 0f);
            case LEAKY_RELU -> step(x, dy, dx, off, end, 1f, alpha);
            case ELU -> eluGrad(x, y, dy, dx, off, end, 1f, alpha);
            case SELU -> eluGrad(x, y, dy, dx, off, end, UnaryOp.SELU_SCALE, SELU_SA);
            case SIGMOID -> sigmoidGrad(y, dy, dx, off, end);
            case TANH -> tanhGrad(y, dy, dx, off, end);
            case SOFTPLUS -> softplusGrad(x, dy, dx, off, end);
            case HEAVISIDE -> scaled(dy, dx, off, end, 0f);
            case EXP -> product(y, dy, dx, off, end);
            case LOG -> reciprocal(x, dy, dx, off, end, 1f);
            case NEG -> scaled(dy, dx, off, end, -1f);
            case SQUARE -> squareGrad(x, dy, dx, off, end);
            case SQRT -> reciprocal(y, dy, dx, off, end, 0.5f);
            case ABS -> absGrad(x, dy, dx, off, end);
            case HUBER -> huberGrad(x, dy, dx, off, end, alpha);
        }
    }

    private static void relu(float[] x, float[] y, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(F, x, i, m);
            FloatVector.zero(F).blend(v, v.compare(GT, 0f)).intoArray(y, i, m);
        }
    }

    private static void leakyRelu(float[] x, float[] y, int i, int end, float alpha) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(F, x, i, m);
            v.mul(alpha).blend(v, v.compare(GT, 0f)).intoArray(y, i, m);
        }
    }

    /** ELU (scale 1) and SELU: {@code scale · (x > 0 ? x : alpha · expm1(x))}. */
    private static void elu(float[] x, float[] y, int i, int end, float alpha, float scale) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(F, x, i, m);
            FloatVector r = VectorMath.expm1(v).mul(alpha).blend(v, v.compare(GT, 0f));
            (scale == 1f ? r : r.mul(scale)).intoArray(y, i, m);
        }
    }

    private static void sigmoid(float[] x, float[] y, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            sigmoid(FloatVector.fromArray(F, x, i, m)).intoArray(y, i, m);
        }
    }

    private static void tanh(float[] x, float[] y, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            VectorMath.tanh(FloatVector.fromArray(F, x, i, m)).intoArray(y, i, m);
        }
    }

    /**
     * {@code max(x, 0) + log1p(e^−|x|)}, stable for large |x| like the reference; lane by lane with
     * StrictMath, whose results never depend on the JIT (the Vector API's LOG1P does).
     */
    private static void softplus(float[] x, float[] y, int i, int end) {
        for (; i < end; i++) {
            y[i] = (float) (Math.max(x[i], 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x[i]))));
        }
    }

    private static void heaviside(float[] x, float[] y, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(F, x, i, m);
            FloatVector.zero(F).blend(1f, v.compare(GE, 0f)).intoArray(y, i, m);
        }
    }

    private static void exp(float[] x, float[] y, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            VectorMath.exp(FloatVector.fromArray(F, x, i, m)).intoArray(y, i, m);
        }
    }

    /** Lane by lane with StrictMath: the Vector API's LOG differs by JIT state. */
    private static void log(float[] x, float[] y, int i, int end) {
        for (; i < end; i++) {
            y[i] = (float) StrictMath.log(x[i]);
        }
    }

    private static void neg(float[] x, float[] y, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, x, i, m).neg().intoArray(y, i, m);
        }
    }

    private static void square(float[] x, float[] y, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(F, x, i, m);
            v.mul(v).intoArray(y, i, m);
        }
    }

    private static void sqrt(float[] x, float[] y, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, x, i, m).sqrt().intoArray(y, i, m);
        }
    }

    private static void abs(float[] x, float[] y, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, x, i, m).abs().intoArray(y, i, m);
        }
    }

    /** {@code |x| ≤ δ ? x²/2 : δ·(|x| − δ/2)}. */
    private static void huber(float[] x, float[] y, int i, int end, float delta) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(F, x, i, m);
            FloatVector a = v.abs();
            FloatVector linear = a.sub(0.5f * delta).mul(delta);
            linear.blend(v.mul(0.5f).mul(v), a.compare(LE, delta)).intoArray(y, i, m);
        }
    }

    /** {@code dx = dy · c}: identity, the step function (c = 0) and negation. */
    private static void scaled(float[] dy, float[] dx, int i, int end, float c) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, dy, i, m).mul(c).intoArray(dx, i, m);
        }
    }

    /** {@code dx = dy · (x > 0 ? above : below)}: ReLU and leaky ReLU. */
    private static void step(float[] x, float[] dy, float[] dx, int i, int end, float above, float below) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            VectorMask<Float> positive = FloatVector.fromArray(F, x, i, m).compare(GT, 0f);
            FloatVector d = FloatVector.broadcast(F, below).blend(above, positive);
            FloatVector.fromArray(F, dy, i, m).mul(d).intoArray(dx, i, m);
        }
    }

    /** {@code dx = dy · (x > 0 ? above : y + shift)}: ELU and SELU. */
    private static void eluGrad(float[] x, float[] y, float[] dy, float[] dx, int i, int end, float above, float shift) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            VectorMask<Float> positive = FloatVector.fromArray(F, x, i, m).compare(GT, 0f);
            FloatVector d = FloatVector.fromArray(F, y, i, m).add(shift).blend(above, positive);
            FloatVector.fromArray(F, dy, i, m).mul(d).intoArray(dx, i, m);
        }
    }

    private static void sigmoidGrad(float[] y, float[] dy, float[] dx, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector s = FloatVector.fromArray(F, y, i, m);
            FloatVector.fromArray(F, dy, i, m).mul(s.mul(s.neg().add(1f))).intoArray(dx, i, m);
        }
    }

    private static void tanhGrad(float[] y, float[] dy, float[] dx, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector t = FloatVector.fromArray(F, y, i, m);
            FloatVector.fromArray(F, dy, i, m).mul(t.mul(t).neg().add(1f)).intoArray(dx, i, m);
        }
    }

    private static void softplusGrad(float[] x, float[] dy, float[] dx, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector d = sigmoid(FloatVector.fromArray(F, x, i, m));
            FloatVector.fromArray(F, dy, i, m).mul(d).intoArray(dx, i, m);
        }
    }

    /** {@code dx = dy · v}: exp, whose derivative is its value. */
    private static void product(float[] v, float[] dy, float[] dx, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, dy, i, m).mul(FloatVector.fromArray(F, v, i, m)).intoArray(dx, i, m);
        }
    }

    /** {@code dx = dy · (c / v)}: log (1/x) and sqrt (0.5/y). */
    private static void reciprocal(float[] v, float[] dy, float[] dx, int i, int end, float c) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector d = FloatVector.broadcast(F, c).div(FloatVector.fromArray(F, v, i, m));
            FloatVector.fromArray(F, dy, i, m).mul(d).intoArray(dx, i, m);
        }
    }

    private static void squareGrad(float[] x, float[] dy, float[] dx, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector d = FloatVector.fromArray(F, x, i, m).mul(2f);
            FloatVector.fromArray(F, dy, i, m).mul(d).intoArray(dx, i, m);
        }
    }

    private static void absGrad(float[] x, float[] dy, float[] dx, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector d = signum(FloatVector.fromArray(F, x, i, m));
            FloatVector.fromArray(F, dy, i, m).mul(d).intoArray(dx, i, m);
        }
    }

    /** {@code |x| ≤ δ ? x : δ·signum(x)}. */
    private static void huberGrad(float[] x, float[] dy, float[] dx, int i, int end, float delta) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector v = FloatVector.fromArray(F, x, i, m);
            FloatVector d = signum(v).mul(delta).blend(v, v.abs().compare(LE, delta));
            FloatVector.fromArray(F, dy, i, m).mul(d).intoArray(dx, i, m);
        }
    }

    /** 1/(1+e^−x) for x ≥ 0 and e^x/(1+e^x) below, so the exponential never overflows. Small: inlined. */
    private static FloatVector sigmoid(FloatVector x) {
        FloatVector e = VectorMath.exp(x.abs().neg());
        return FloatVector.broadcast(F, 1f).blend(e, x.compare(LT, 0f)).div(e.add(1f));
    }

    /** Math.signum lane-wise: ±1, and x itself for ±0 and NaN. */
    private static FloatVector signum(FloatVector x) {
        return x.blend(1f, x.compare(GT, 0f)).blend(-1f, x.compare(LT, 0f));
    }
}
