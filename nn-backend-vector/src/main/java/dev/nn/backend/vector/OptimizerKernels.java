package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import jdk.incubator.vector.FloatVector;

/**
 * In-place optimizer steps. Each lane does the reference's float operations in the same order
 * (no fused multiply-add), so the results are bit-identical to {@code ReferenceBackend}. The main
 * loop runs unmasked, with its body inline (a helper taking vectors would not be inlined at this
 * size and would box them); the last partial vector is done by the reference's scalar loop, since
 * a mask on every step cost more than the update itself. Each works on [from, to), so that a
 * thread can take a slice; lanes never mix, so where a slice starts cannot change a value.
 */
final class OptimizerKernels {

    private OptimizerKernels() {
    }

    static void sgd(float[] w, float[] g, float[] velocity, int from, int to, float lr, float momentum,
                    boolean nesterov) {
        int i = from;
        int bound = from + F.loopBound(to - from);
        if (momentum == 0f) {
            for (; i < bound; i += L) {
                FloatVector.fromArray(F, w, i).sub(FloatVector.fromArray(F, g, i).mul(lr)).intoArray(w, i);
            }
            for (; i < to; i++) {
                w[i] -= lr * g[i];
            }
            return;
        }
        for (; i < bound; i += L) {
            FloatVector step = FloatVector.fromArray(F, g, i).mul(lr);
            FloatVector v = FloatVector.fromArray(F, velocity, i).mul(momentum).sub(step);
            v.intoArray(velocity, i);
            FloatVector wv = FloatVector.fromArray(F, w, i);
            wv.add(nesterov ? v.mul(momentum).sub(step) : v).intoArray(w, i);
        }
        for (; i < to; i++) {
            float v = momentum * velocity[i] - lr * g[i];
            velocity[i] = v;
            w[i] += nesterov ? momentum * v - lr * g[i] : v;
        }
    }

    static void adam(float[] w, float[] g, float[] m1, float[] m2, int from, int to,
                     float alphaT, float beta1, float beta2, float epsilon) {
        int i = from;
        for (int bound = from + F.loopBound(to - from); i < bound; i += L) {
            FloatVector gv = FloatVector.fromArray(F, g, i);
            FloatVector m = FloatVector.fromArray(F, m1, i).mul(beta1).add(gv.mul(1 - beta1));
            FloatVector v = FloatVector.fromArray(F, m2, i).mul(beta2).add(gv.mul(1 - beta2).mul(gv));
            m.intoArray(m1, i);
            v.intoArray(m2, i);
            FloatVector step = m.mul(alphaT).div(v.sqrt().add(epsilon));
            FloatVector.fromArray(F, w, i).sub(step).intoArray(w, i);
        }
        for (; i < to; i++) {
            m1[i] = beta1 * m1[i] + (1 - beta1) * g[i];
            m2[i] = beta2 * m2[i] + (1 - beta2) * g[i] * g[i];
            w[i] -= alphaT * m1[i] / ((float) Math.sqrt(m2[i]) + epsilon);
        }
    }

    static void rmsprop(float[] w, float[] g, float[] acc, int from, int to, float lr, float rho, float epsilon) {
        int i = from;
        for (int bound = from + F.loopBound(to - from); i < bound; i += L) {
            FloatVector gv = FloatVector.fromArray(F, g, i);
            FloatVector a = FloatVector.fromArray(F, acc, i).mul(rho).add(gv.mul(1 - rho).mul(gv));
            a.intoArray(acc, i);
            FloatVector step = gv.mul(lr).div(a.add(epsilon).sqrt());
            FloatVector.fromArray(F, w, i).sub(step).intoArray(w, i);
        }
        for (; i < to; i++) {
            acc[i] = rho * acc[i] + (1 - rho) * g[i] * g[i];
            w[i] -= lr * g[i] / (float) Math.sqrt(acc[i] + epsilon);
        }
    }

    static void adagrad(float[] w, float[] g, float[] acc, int from, int to, float lr, float epsilon) {
        int i = from;
        for (int bound = from + F.loopBound(to - from); i < bound; i += L) {
            FloatVector gv = FloatVector.fromArray(F, g, i);
            FloatVector a = FloatVector.fromArray(F, acc, i).add(gv.mul(gv));
            a.intoArray(acc, i);
            FloatVector step = gv.mul(lr).div(a.add(epsilon).sqrt());
            FloatVector.fromArray(F, w, i).sub(step).intoArray(w, i);
        }
        for (; i < to; i++) {
            acc[i] += g[i] * g[i];
            w[i] -= lr * g[i] / (float) Math.sqrt(acc[i] + epsilon);
        }
    }
}
