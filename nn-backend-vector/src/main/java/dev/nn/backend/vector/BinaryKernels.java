package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import dev.nn.api.backend.BinaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Element-wise binary operations, with b repeated along a (row broadcasting). One loop per op,
 * masked on every step, for the reason given in {@link UnaryKernels}: a shared loop calling a
 * switch over the ops gets the switch compiled on its own and then boxes every vector. Lanes never
 * mix, so a range may start anywhere, even inside a repetition of b, and give the same values.
 */
final class BinaryKernels {

    private BinaryKernels() {
    }

    /** {@code out[i] = a[i] op b[i % bLength]} for i in [from, to): one pass per repetition of b. */
    static void binary(BinaryOp op, float[] a, float[] b, float[] out, int bLength, int from, int to) {
        if (from >= to) {
            return; // an empty b (bLength 0) comes with nothing to do
        }
        if (bLength == 1) {
            scalar(op, a, b[0], out, from, to);
            return;
        }
        for (int off = from - from % bLength; off < to; off += bLength) {
            int c = Math.max(from - off, 0);
            int end = Math.min(to - off, bLength);
            switch (op) {
                case ADD -> add(a, b, out, off, c, end);
                case SUB -> sub(a, b, out, off, c, end);
                case MUL -> mul(a, b, out, off, c, end);
                case DIV -> div(a, b, out, off, c, end);
                case MAX -> max(a, b, out, off, c, end);
                case MIN -> min(a, b, out, off, c, end);
            }
        }
    }

    /** {@code out[i] = a[i] op s} for i in [from, to). */
    static void scalar(BinaryOp op, float[] a, float s, float[] out, int from, int to) {
        switch (op) {
            case ADD -> add(a, s, out, from, to);
            case SUB -> sub(a, s, out, from, to);
            case MUL -> mul(a, s, out, from, to);
            case DIV -> div(a, s, out, from, to);
            case MAX -> max(a, s, out, from, to);
            case MIN -> min(a, s, out, from, to);
        }
    }

    private static void add(float[] a, float[] b, float[] out, int off, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, off + i, m).add(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void add(float[] a, float s, float[] out, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, i, m).add(s).intoArray(out, i, m);
        }
    }

    private static void sub(float[] a, float[] b, float[] out, int off, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, off + i, m).sub(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void sub(float[] a, float s, float[] out, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, i, m).sub(s).intoArray(out, i, m);
        }
    }

    private static void mul(float[] a, float[] b, float[] out, int off, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, off + i, m).mul(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void mul(float[] a, float s, float[] out, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, i, m).mul(s).intoArray(out, i, m);
        }
    }

    private static void div(float[] a, float[] b, float[] out, int off, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, off + i, m).div(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void div(float[] a, float s, float[] out, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, i, m).div(s).intoArray(out, i, m);
        }
    }

    private static void max(float[] a, float[] b, float[] out, int off, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, off + i, m).max(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void max(float[] a, float s, float[] out, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, i, m).max(s).intoArray(out, i, m);
        }
    }

    private static void min(float[] a, float[] b, float[] out, int off, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, off + i, m).min(FloatVector.fromArray(F, b, i, m)).intoArray(out, off + i, m);
        }
    }

    private static void min(float[] a, float s, float[] out, int i, int end) {
        for (; i < end; i += L) {
            VectorMask<Float> m = F.indexInRange(i, end);
            FloatVector.fromArray(F, a, i, m).min(s).intoArray(out, i, m);
        }
    }
}
