package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * In-place optimizer steps. Each lane does the reference's float operations in the same order
 * (no fused multiply-add), so the results are bit-identical to {@code ReferenceBackend}.
 */
final class OptimizerKernels {

    private OptimizerKernels() {
    }

    static void sgd(float[] w, float[] g, float[] velocity, int n, float lr, float momentum, boolean nesterov) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            sgdLanes(w, g, velocity, i, F.maskAll(true), lr, momentum, nesterov);
        }
        if (i < n) {
            sgdLanes(w, g, velocity, i, F.indexInRange(i, n), lr, momentum, nesterov);
        }
    }

    private static void sgdLanes(float[] w, float[] g, float[] velocity, int i, VectorMask<Float> m,
                                 float lr, float momentum, boolean nesterov) {
        FloatVector wv = FloatVector.fromArray(F, w, i, m);
        FloatVector step = FloatVector.fromArray(F, g, i, m).mul(lr);
        if (momentum == 0f) {
            wv.sub(step).intoArray(w, i, m);
            return;
        }
        FloatVector v = FloatVector.fromArray(F, velocity, i, m).mul(momentum).sub(step);
        v.intoArray(velocity, i, m);
        wv.add(nesterov ? v.mul(momentum).sub(step) : v).intoArray(w, i, m);
    }

    static void adam(float[] w, float[] g, float[] m1, float[] m2, int n,
                     float alphaT, float beta1, float beta2, float epsilon) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            adamLanes(w, g, m1, m2, i, F.maskAll(true), alphaT, beta1, beta2, epsilon);
        }
        if (i < n) {
            adamLanes(w, g, m1, m2, i, F.indexInRange(i, n), alphaT, beta1, beta2, epsilon);
        }
    }

    private static void adamLanes(float[] w, float[] g, float[] m1, float[] m2, int i, VectorMask<Float> k,
                                  float alphaT, float beta1, float beta2, float epsilon) {
        FloatVector gv = FloatVector.fromArray(F, g, i, k);
        FloatVector m = FloatVector.fromArray(F, m1, i, k).mul(beta1).add(gv.mul(1 - beta1));
        FloatVector v = FloatVector.fromArray(F, m2, i, k).mul(beta2).add(gv.mul(1 - beta2).mul(gv));
        m.intoArray(m1, i, k);
        v.intoArray(m2, i, k);
        FloatVector step = m.mul(alphaT).div(v.sqrt().add(epsilon));
        FloatVector.fromArray(F, w, i, k).sub(step).intoArray(w, i, k);
    }

    static void rmsprop(float[] w, float[] g, float[] acc, int n, float lr, float rho, float epsilon) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            rmspropLanes(w, g, acc, i, F.maskAll(true), lr, rho, epsilon);
        }
        if (i < n) {
            rmspropLanes(w, g, acc, i, F.indexInRange(i, n), lr, rho, epsilon);
        }
    }

    private static void rmspropLanes(float[] w, float[] g, float[] acc, int i, VectorMask<Float> k,
                                     float lr, float rho, float epsilon) {
        FloatVector gv = FloatVector.fromArray(F, g, i, k);
        FloatVector a = FloatVector.fromArray(F, acc, i, k).mul(rho).add(gv.mul(1 - rho).mul(gv));
        a.intoArray(acc, i, k);
        descend(w, gv, a, i, k, lr, epsilon);
    }

    static void adagrad(float[] w, float[] g, float[] acc, int n, float lr, float epsilon) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            adagradLanes(w, g, acc, i, F.maskAll(true), lr, epsilon);
        }
        if (i < n) {
            adagradLanes(w, g, acc, i, F.indexInRange(i, n), lr, epsilon);
        }
    }

    private static void adagradLanes(float[] w, float[] g, float[] acc, int i, VectorMask<Float> k,
                                     float lr, float epsilon) {
        FloatVector gv = FloatVector.fromArray(F, g, i, k);
        FloatVector a = FloatVector.fromArray(F, acc, i, k).add(gv.mul(gv));
        a.intoArray(acc, i, k);
        descend(w, gv, a, i, k, lr, epsilon);
    }

    /** {@code w −= lr·g / √(a + eps)}, Keras's form, shared by RMSprop and Adagrad. */
    private static void descend(float[] w, FloatVector g, FloatVector a, int i, VectorMask<Float> k,
                                float lr, float epsilon) {
        FloatVector step = g.mul(lr).div(a.add(epsilon).sqrt());
        FloatVector.fromArray(F, w, i, k).sub(step).intoArray(w, i, k);
    }
}
