package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Row-wise softmax, log-softmax, their gradient and the fused cross-entropy. Every row is shifted
 * by its maximum first, so logits of any size give finite results. The log of the row sum is kept
 * in double and subtracted as a float pair (hi, lo), so log-probabilities near 0 keep their digits.
 * Each kernel works on rows [r0, r1), and a row's result never depends on the others.
 */
final class SoftmaxKernels {

    /**
     * Rows at most this wide (a 10-class output) go {@link Lanes#L} rows at a time, a lane per row,
     * in {@link #softmax} and {@link #crossEntropy}. One such row alone fills 10 of 16 lanes and
     * waits on the lane reductions of its maximum and sum: a batch-256 softmax over 10 classes
     * took 15-17 µs, the cross-entropy 21-25. A block gathers its rows' columns and does each
     * row's arithmetic in the row path's order, so its results are the same bits.
     */
    static final int NARROW = L;
    /** Where a block's scratch keeps its rows' maxima, after the columns (L floats each). */
    private static final int MAX = NARROW * L;
    /** Where a block's scratch keeps its rows' sums of exponentials. */
    private static final int SUM = MAX + L;
    /** Floats of the scratch a caller gives {@link #softmax} and {@link #crossEntropy}. */
    static final int SCRATCH = SUM + L;
    /** For each width up to NARROW: lane i's offset in a block of rows that wide, i·cols. */
    private static final int[][] ROW_OFFSETS = rowOffsets();

    private SoftmaxKernels() {
    }

    private static int[][] rowOffsets() {
        int[][] offsets = new int[NARROW + 1][L];
        for (int cols = 1; cols <= NARROW; cols++) {
            for (int i = 0; i < L; i++) {
                offsets[cols][i] = i * cols;
            }
        }
        return offsets;
    }

    /** Softmax of rows [r0, r1); {@code scratch} holds {@link #SCRATCH} floats. */
    static void softmax(float[] x, float[] y, int cols, int r0, int r1, float[] scratch) {
        int r = r0;
        if (cols <= NARROW) {
            for (; r + L <= r1; r += L) {
                expBlock(x, cols, r, scratch);
                divideBlock(scratch, cols, y, r);
            }
        }
        for (; r < r1; r++) {
            int o = r * cols;
            float sum = expShifted(x, y, o, cols, rowMax(x, o, cols));
            divide(y, o, cols, sum);
        }
    }

    static void logSoftmax(float[] x, float[] y, int cols, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            int o = r * cols;
            float max = rowMax(x, o, cols);
            double logSum = Math.log(expSum(x, o, cols, max)) + max;
            shift(x, y, o, cols, logSum);
        }
    }

    static void softmaxGrad(float[] y, float[] dy, float[] dx, int cols, int r0, int r1) {
        for (int r = r0; r < r1; r++) {
            int o = r * cols;
            FloatVector dotLanes = FloatVector.zero(F);
            for (int c = 0; c < cols; c += L) {
                VectorMask<Float> m = F.indexInRange(c, cols);
                dotLanes = FloatVector.fromArray(F, dy, o + c, m).fma(FloatVector.fromArray(F, y, o + c, m), dotLanes);
            }
            float dot = Lanes.sum(dotLanes);
            for (int c = 0; c < cols; c += L) {
                VectorMask<Float> m = F.indexInRange(c, cols);
                FloatVector yv = FloatVector.fromArray(F, y, o + c, m);
                yv.mul(FloatVector.fromArray(F, dy, o + c, m).sub(dot)).intoArray(dx, o + c, m);
            }
        }
    }

    /**
     * Probabilities and per-row loss {@code −Σ t·log softmax(z)}, or {@code −log softmax(z)[t]} when
     * sparse, for rows [r0, r1); {@code scratch} holds {@link #SCRATCH} floats.
     */
    static void crossEntropy(float[] z, float[] t, boolean sparse, float[] probs, float[] loss, int cols,
                             int r0, int r1, float[] scratch) {
        int r = r0;
        if (cols <= NARROW) {
            for (; r + L <= r1; r += L) {
                expBlock(z, cols, r, scratch);
                divideBlock(scratch, cols, probs, r);
                for (int i = 0; i < L; i++) {
                    loss[r + i] = rowLoss(z, t, sparse, r + i, cols, scratch[MAX + i], scratch[SUM + i]);
                }
            }
        }
        for (; r < r1; r++) {
            int o = r * cols;
            float max = rowMax(z, o, cols);
            float sum = expShifted(z, probs, o, cols, max);
            divide(probs, o, cols, sum);
            loss[r] = rowLoss(z, t, sparse, r, cols, max, sum);
        }
    }

    /** Row r's loss from its maximum and its sum of exp(z − max): log Σ e^z = log(sum) + max, in double. */
    private static float rowLoss(float[] z, float[] t, boolean sparse, int r, int cols, float max, float sum) {
        int o = r * cols;
        double logSum = Math.log(sum) + max;
        return sparse ? (float) (logSum - z[o + (int) t[r]]) : denseLoss(z, t, o, cols, logSum);
    }

    private static float denseLoss(float[] z, float[] t, int o, int cols, double logSum) {
        float hi = (float) logSum;
        float lo = (float) (logSum - hi);
        FloatVector acc = FloatVector.zero(F);
        for (int c = 0; c < cols; c += L) {
            VectorMask<Float> m = F.indexInRange(c, cols);
            FloatVector logP = FloatVector.fromArray(F, z, o + c, m).sub(hi).sub(lo);
            acc = FloatVector.fromArray(F, t, o + c, m).fma(logP, acc);
        }
        return -Lanes.sum(acc);
    }

    /**
     * For rows [r, r + L), each at most NARROW wide: e = exp(x − the row's maximum), column c of the
     * block at scratch[c·L..] (lane i for row r + i), the maxima at MAX and the sums at SUM. As in
     * the row path: the same maximum, each value's exp, and the sum from 0 in column order.
     */
    private static void expBlock(float[] x, int cols, int r, float[] scratch) {
        int[] lanes = ROW_OFFSETS[cols];
        int o = r * cols;
        FloatVector max = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        for (int c = 0; c < cols; c++) {
            FloatVector v = FloatVector.fromArray(F, x, o + c, lanes, 0);
            v.intoArray(scratch, c * L);
            max = max.max(v);
        }
        FloatVector sum = FloatVector.zero(F);
        for (int c = 0; c < cols; c++) {
            FloatVector e = VectorMath.exp(FloatVector.fromArray(F, scratch, c * L).sub(max));
            e.intoArray(scratch, c * L);
            sum = sum.add(e);
        }
        max.intoArray(scratch, MAX);
        sum.intoArray(scratch, SUM);
    }

    /**
     * The block's exponentials divided by their rows' sums, scattered to rows r.. of y. A method of
     * its own, called with arrays only: written out in the cross-entropy kernel, the scatter was
     * not inlined there and boxed every vector it stored.
     */
    private static void divideBlock(float[] scratch, int cols, float[] y, int r) {
        int[] lanes = ROW_OFFSETS[cols];
        FloatVector sum = FloatVector.fromArray(F, scratch, SUM);
        for (int c = 0; c < cols; c++) {
            FloatVector.fromArray(F, scratch, c * L).div(sum).intoArray(y, r * cols + c, lanes, 0);
        }
    }

    private static float rowMax(float[] x, int o, int cols) {
        FloatVector max = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
        for (int c = 0; c < cols; c += L) {
            VectorMask<Float> m = F.indexInRange(c, cols);
            max = max.blend(max.max(FloatVector.fromArray(F, x, o + c, m)), m);
        }
        return max.reduceLanes(VectorOperators.MAX);
    }

    /**
     * Writes {@code e = exp(x − max)} to y and returns Σe, added in column order from y: a lane
     * sum here was not inlined under cross-entropy (the exp fills the JIT's budget) and boxed a
     * vector every row.
     */
    private static float expShifted(float[] x, float[] y, int o, int cols, float max) {
        for (int c = 0; c < cols; c += L) {
            VectorMask<Float> m = F.indexInRange(c, cols);
            VectorMath.exp(FloatVector.fromArray(F, x, o + c, m).sub(max)).intoArray(y, o + c, m);
        }
        float sum = 0f;
        for (int c = 0; c < cols; c++) {
            sum += y[o + c];
        }
        return sum;
    }

    private static float expSum(float[] x, int o, int cols, float max) {
        FloatVector sum = FloatVector.zero(F);
        for (int c = 0; c < cols; c += L) {
            VectorMask<Float> m = F.indexInRange(c, cols);
            sum = sum.add(VectorMath.exp(FloatVector.fromArray(F, x, o + c, m).sub(max)), m);
        }
        return Lanes.sum(sum);
    }

    /** Divides a row by its sum (a true division: a reciprocal would add a rounding). */
    private static void divide(float[] y, int o, int cols, float sum) {
        for (int c = 0; c < cols; c += L) {
            VectorMask<Float> m = F.indexInRange(c, cols);
            FloatVector.fromArray(F, y, o + c, m).div(sum).intoArray(y, o + c, m);
        }
    }

    /** {@code y = x − logSum}, subtracting the double as hi then lo. */
    private static void shift(float[] x, float[] y, int o, int cols, double logSum) {
        float hi = (float) logSum;
        float lo = (float) (logSum - hi);
        for (int c = 0; c < cols; c += L) {
            VectorMask<Float> m = F.indexInRange(c, cols);
            FloatVector.fromArray(F, x, o + c, m).sub(hi).sub(lo).intoArray(y, o + c, m);
        }
    }
}
