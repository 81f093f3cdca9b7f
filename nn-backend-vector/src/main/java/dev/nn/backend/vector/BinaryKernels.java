package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import dev.nn.api.backend.BinaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Element-wise binary operations, with b repeated along a (row broadcasting). One loop per op,
 * masked on every step, for the reason given in {@link UnaryKernels}: a shared loop calling a
 * switch over the ops gets the switch compiled on its own and then boxes every vector.
 */
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
            switch (op) {
                case ADD -> add(a, b, out, off, bLength);
                case SUB -> sub(a, b, out, off, bLength);
                case MUL -> mul(a, b, out, off, bLength);
                case DIV -> div(a, b, out, off, bLength);
                case MAX -> max(a, b, out, off, bLength);
                case MIN -> min(a, b, out, off, bLength);
            }
        }
    }

    /** {@code out[i] = a[i] op s}. */
    static void scalar(BinaryOp op, float[] a, float s, float[] out, int n) {
        switch (op) {
            case ADD -> add(a, s, out, n);
            case SUB -> sub(a, s, out, n);
            case MUL -> mul(a, s, out, n);
            case DIV -> div(a, s, out, n);
            case MAX -> max(a, s, out, n);
            case MIN -> min(a, s, out, n);
        }
    }

    private static void add(float[] a, float[] b, float[] out, int off, int len) {
        for (int i = 0; i < len; i += L) {
            VectorMask<Float> m = F.indexInRange(i, len);
            FloatVector.fromArray(F, a, off + i, m).add(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void add(float[] a, float s, float[] out, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector.fromArray(F, a, i, m).add(s).intoArray(out, i, m);
        }
    }

    private static void sub(float[] a, float[] b, float[] out, int off, int len) {
        for (int i = 0; i < len; i += L) {
            VectorMask<Float> m = F.indexInRange(i, len);
            FloatVector.fromArray(F, a, off + i, m).sub(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void sub(float[] a, float s, float[] out, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector.fromArray(F, a, i, m).sub(s).intoArray(out, i, m);
        }
    }

    private static void mul(float[] a, float[] b, float[] out, int off, int len) {
        for (int i = 0; i < len; i += L) {
            VectorMask<Float> m = F.indexInRange(i, len);
            FloatVector.fromArray(F, a, off + i, m).mul(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void mul(float[] a, float s, float[] out, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector.fromArray(F, a, i, m).mul(s).intoArray(out, i, m);
        }
    }

    private static void div(float[] a, float[] b, float[] out, int off, int len) {
        for (int i = 0; i < len; i += L) {
            VectorMask<Float> m = F.indexInRange(i, len);
            FloatVector.fromArray(F, a, off + i, m).div(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void div(float[] a, float s, float[] out, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector.fromArray(F, a, i, m).div(s).intoArray(out, i, m);
        }
    }

    private static void max(float[] a, float[] b, float[] out, int off, int len) {
        for (int i = 0; i < len; i += L) {
            VectorMask<Float> m = F.indexInRange(i, len);
            FloatVector.fromArray(F, a, off + i, m).max(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void max(float[] a, float s, float[] out, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector.fromArray(F, a, i, m).max(s).intoArray(out, i, m);
        }
    }

    private static void min(float[] a, float[] b, float[] out, int off, int len) {
        for (int i = 0; i < len; i += L) {
            VectorMask<Float> m = F.indexInRange(i, len);
            FloatVector.fromArray(F, a, off + i, m).min(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void min(float[] a, float s, float[] out, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = F.indexInRange(i, n);
            FloatVector.fromArray(F, a, i, m).min(s).intoArray(out, i, m);
        }
    }
}
