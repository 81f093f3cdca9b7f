package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import dev.nn.api.backend.BinaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/** Element-wise binary operations, with b repeated along a (row broadcasting). */
final class BinaryKernels {

    private BinaryKernels() {
    }

    /** {@code out[i] = a[i] op b[i % bLength]}: one pass per repetition of b. */
    static void binary(BinaryOp op, float[] a, float[] b, float[] out, int n, int bLength) {
        if (bLength == 1) {
            scalar(op, a, b[0], out, n);
            return;
        }
        for (int off = 0; off < n; off += bLength) {
            int i = 0;
            for (int bound = F.loopBound(bLength); i < bound; i += L) {
                FloatVector x = FloatVector.fromArray(F, a, off + i);
                apply(op, x, FloatVector.fromArray(F, b, i)).intoArray(out, off + i);
            }
            if (i < bLength) {
                VectorMask<Float> m = F.indexInRange(i, bLength);
                FloatVector x = FloatVector.fromArray(F, a, off + i, m);
                apply(op, x, FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
            }
        }
    }

    /** {@code out[i] = a[i] op s}. */
    static void scalar(BinaryOp op, float[] a, float s, float[] out, int n) {
        FloatVector sv = FloatVector.broadcast(F, s);
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += L) {
            apply(op, FloatVector.fromArray(F, a, i), sv).intoArray(out, i);
        }
        if (i < n) {
            VectorMask<Float> m = F.indexInRange(i, n);
            apply(op, FloatVector.fromArray(F, a, i, m), sv).intoArray(out, i, m);
        }
    }

    private static FloatVector apply(BinaryOp op, FloatVector a, FloatVector b) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            case MAX -> a.max(b);
            case MIN -> a.min(b);
        };
    }
}
