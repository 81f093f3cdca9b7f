package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * In-place optimizer steps. Each lane does the reference's float operations in the same order
 * (no fused multiply-add), so the results are bit-identical to {@code ReferenceBackend}. The
 * bodies stay inside their loops, masked on every step: a helper taking vectors or masks would
 * not be inlined at this size and would box them.
 */
final class OptimizerKernels {

    private OptimizerKernels() {
    }

    static void sgd(float[] w, float[] g, float[] velocity, int n, float lr, float momentum, boolean nesterov) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> k = F.indexInRange(i, n);
            FloatVector wv = FloatVector.fromArray(F, w, i, k);
            FloatVector step = FloatVector.fromArray(F, g, i, k).mul(lr);
            if (momentum == 0f) {
                wv.sub(step).intoArray(w, i, k);
            } else {
                FloatVector v = FloatVector.fromArray(F, velocity, i, k).mul(momentum).sub(step);
                v.intoArray(velocity, i, k);
                wv.add(nesterov ? v.mul(momentum).sub(step) : v).intoArray(w, i, k);
            }
        }
    }

    static void adam(float[] w, float[] g, float[] m1, float[] m2, int n,
                     float alphaT, float beta1, float beta2, float epsilon) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> k = F.indexInRange(i, n);
            FloatVector gv = FloatVector.fromArray(F, g, i, k);
            FloatVector m = FloatVector.fromArray(F, m1, i, k).mul(beta1).add(gv.mul(1 - beta1));
            FloatVector v = FloatVector.fromArray(F, m2, i, k).mul(beta2).add(gv.mul(1 - beta2).mul(gv));
            m.intoArray(m1, i, k);
            v.intoArray(m2, i, k);
            FloatVector step = m.mul(alphaT).div(v.sqrt().add(epsilon));
            FloatVector.fromArray(F, w, i, k).sub(step).intoArray(w, i, k);
        }
    }

    static void rmsprop(float[] w, float[] g, float[] acc, int n, float lr, float rho, float epsilon) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> k = F.indexInRange(i, n);
            FloatVector gv = FloatVector.fromArray(F, g, i, k);
            FloatVector a = FloatVector.fromArray(F, acc, i, k).mul(rho).add(gv.mul(1 - rho).mul(gv));
            a.intoArray(acc, i, k);
            FloatVector step = gv.mul(lr).div(a.add(epsilon).sqrt());
            FloatVector.fromArray(F, w, i, k).sub(step).intoArray(w, i, k);
        }
    }

    static void adagrad(float[] w, float[] g, float[] acc, int n, float lr, float epsilon) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> k = F.indexInRange(i, n);
            FloatVector gv = FloatVector.fromArray(F, g, i, k);
            FloatVector a = FloatVector.fromArray(F, acc, i, k).add(gv.mul(gv));
            a.intoArray(acc, i, k);
            FloatVector step = gv.mul(lr).div(a.add(epsilon).sqrt());
            FloatVector.fromArray(F, w, i, k).sub(step).intoArray(w, i, k);
        }
    }
}
