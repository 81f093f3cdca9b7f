package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * C = op(A)·B for a handful of rows of C with B unpacked (row-major k×n). For one to a few rows
 * (prediction on a single example) the packed path would repack all of B and fill most of each
 * 8-row tile with padding. Each row of C is built a strip of columns at a time, the strip's sums
 * held in registers down all k rows of B: adding each row of B into C in memory instead ran at
 * half the speed (C's loads and stores, and code the JIT compiled worse on recompiling).
 */
final class FewRows {

    /** Rows of C at or below which this path is taken. */
    static final int MAX_ROWS = 4;

    private FewRows() {
    }

    /** C = alpha·op(A)·B (+ C when accumulate), each alpha·a rounded to float as the packed path does. */
    static void multiply(boolean transA, int m, int n, int k, float alpha, float[] a, float[] b, float[] c,
                         boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int aOff = transA ? i : i * k;
            int aStep = transA ? m : 1;
            int ci = i * n;
            int j = 0;
            for (; j + 4 * L <= n; j += 4 * L) {
                strip(n, k, alpha, a, aOff, aStep, b, c, ci + j, j, accumulate);
            }
            for (; j < n; j += L) {
                column(n, k, alpha, a, aOff, aStep, b, c, ci + j, j, accumulate);
            }
        }
    }

    /**
     * Four vectors of columns from j: Σ_p a(i, p)·B[p, j..]. A zero a(i, p) (a ReLU output, a blank
     * pixel) is skipped: it adds nothing, and the row of B it would read is not fetched.
     */
    private static void strip(int n, int k, float alpha, float[] a, int aOff, int aStep, float[] b, float[] c,
                              int cOff, int j, boolean accumulate) {
        FloatVector s0, s1, s2, s3;
        if (accumulate) {
            s0 = FloatVector.fromArray(F, c, cOff);
            s1 = FloatVector.fromArray(F, c, cOff + L);
            s2 = FloatVector.fromArray(F, c, cOff + 2 * L);
            s3 = FloatVector.fromArray(F, c, cOff + 3 * L);
        } else {
            s0 = FloatVector.zero(F);
            s1 = FloatVector.zero(F);
            s2 = FloatVector.zero(F);
            s3 = FloatVector.zero(F);
        }
        for (int p = 0; p < k; p++) {
            float ap = alpha * a[aOff + p * aStep];
            if (ap == 0f) {
                continue;
            }
            FloatVector x = FloatVector.broadcast(F, ap);
            int bp = p * n + j;
            s0 = FloatVector.fromArray(F, b, bp).fma(x, s0);
            s1 = FloatVector.fromArray(F, b, bp + L).fma(x, s1);
            s2 = FloatVector.fromArray(F, b, bp + 2 * L).fma(x, s2);
            s3 = FloatVector.fromArray(F, b, bp + 3 * L).fma(x, s3);
        }
        s0.intoArray(c, cOff);
        s1.intoArray(c, cOff + L);
        s2.intoArray(c, cOff + 2 * L);
        s3.intoArray(c, cOff + 3 * L);
    }

    /** One vector of columns from j, masked at n. */
    private static void column(int n, int k, float alpha, float[] a, int aOff, int aStep, float[] b, float[] c,
                               int cOff, int j, boolean accumulate) {
        VectorMask<Float> mask = F.indexInRange(j, n);
        FloatVector s = accumulate ? FloatVector.fromArray(F, c, cOff, mask) : FloatVector.zero(F);
        for (int p = 0; p < k; p++) {
            float ap = alpha * a[aOff + p * aStep];
            if (ap != 0f) {
                s = FloatVector.fromArray(F, b, p * n + j, mask).fma(FloatVector.broadcast(F, ap), s);
            }
        }
        s.intoArray(c, cOff, mask);
    }
}
