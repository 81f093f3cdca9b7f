package dev.nn.backend.vector;

import static dev.nn.backend.vector.GemmShape.MR;
import static dev.nn.backend.vector.GemmShape.NR;
import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;
import static dev.nn.backend.vector.Packing.PANEL_STEP;

import jdk.incubator.vector.FloatVector;

/**
 * The MR×NR register tile: {@code tile = Apanel · Bsliver} over kc steps, 8 rows × 2 vectors
 * = 16 accumulators. A is packed step by step, MR values a step; step p of B is NR floats at
 * bOff + p·ldb, from a packed sliver (ldb = NR) or straight from a row-major B (ldb = n). Every
 * index is the loop counter times a constant plus an offset, so the JIT drops the bounds checks.
 * Accumulation starts at zero and runs in k order; the sum, plus the same tile of {@code s} if
 * given, is then stored or added to C (rows ldc apart), so a C element gets the same bits
 * whichever thread or tile computes it.
 */
final class MicroKernel {

    private MicroKernel() {
    }

    static void multiply(int kc, float[] a, int aOff, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                         boolean add, float[] s) {
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F), c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F), c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F), c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F), c71 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * ldb;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            int ai = aOff + p * MR;
            FloatVector x = FloatVector.broadcast(F, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, a[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, a[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(F, a[ai + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(F, a[ai + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        // written out rather than in a helper: the JIT would not inline it and would box the vectors
        if (s != null) {
            c00 = c00.add(FloatVector.fromArray(F, s, cOff));
            c01 = c01.add(FloatVector.fromArray(F, s, cOff + L));
            c10 = c10.add(FloatVector.fromArray(F, s, cOff + ldc));
            c11 = c11.add(FloatVector.fromArray(F, s, cOff + ldc + L));
            c20 = c20.add(FloatVector.fromArray(F, s, cOff + 2 * ldc));
            c21 = c21.add(FloatVector.fromArray(F, s, cOff + 2 * ldc + L));
            c30 = c30.add(FloatVector.fromArray(F, s, cOff + 3 * ldc));
            c31 = c31.add(FloatVector.fromArray(F, s, cOff + 3 * ldc + L));
            c40 = c40.add(FloatVector.fromArray(F, s, cOff + 4 * ldc));
            c41 = c41.add(FloatVector.fromArray(F, s, cOff + 4 * ldc + L));
            c50 = c50.add(FloatVector.fromArray(F, s, cOff + 5 * ldc));
            c51 = c51.add(FloatVector.fromArray(F, s, cOff + 5 * ldc + L));
            c60 = c60.add(FloatVector.fromArray(F, s, cOff + 6 * ldc));
            c61 = c61.add(FloatVector.fromArray(F, s, cOff + 6 * ldc + L));
            c70 = c70.add(FloatVector.fromArray(F, s, cOff + 7 * ldc));
            c71 = c71.add(FloatVector.fromArray(F, s, cOff + 7 * ldc + L));
        }
        if (add) {
            c00 = c00.add(FloatVector.fromArray(F, c, cOff));
            c01 = c01.add(FloatVector.fromArray(F, c, cOff + L));
            c10 = c10.add(FloatVector.fromArray(F, c, cOff + ldc));
            c11 = c11.add(FloatVector.fromArray(F, c, cOff + ldc + L));
            c20 = c20.add(FloatVector.fromArray(F, c, cOff + 2 * ldc));
            c21 = c21.add(FloatVector.fromArray(F, c, cOff + 2 * ldc + L));
            c30 = c30.add(FloatVector.fromArray(F, c, cOff + 3 * ldc));
            c31 = c31.add(FloatVector.fromArray(F, c, cOff + 3 * ldc + L));
            c40 = c40.add(FloatVector.fromArray(F, c, cOff + 4 * ldc));
            c41 = c41.add(FloatVector.fromArray(F, c, cOff + 4 * ldc + L));
            c50 = c50.add(FloatVector.fromArray(F, c, cOff + 5 * ldc));
            c51 = c51.add(FloatVector.fromArray(F, c, cOff + 5 * ldc + L));
            c60 = c60.add(FloatVector.fromArray(F, c, cOff + 6 * ldc));
            c61 = c61.add(FloatVector.fromArray(F, c, cOff + 6 * ldc + L));
            c70 = c70.add(FloatVector.fromArray(F, c, cOff + 7 * ldc));
            c71 = c71.add(FloatVector.fromArray(F, c, cOff + 7 * ldc + L));
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + L);
        c10.intoArray(c, cOff + ldc);
        c11.intoArray(c, cOff + ldc + L);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + L);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + L);
        c40.intoArray(c, cOff + 4 * ldc);
        c41.intoArray(c, cOff + 4 * ldc + L);
        c50.intoArray(c, cOff + 5 * ldc);
        c51.intoArray(c, cOff + 5 * ldc + L);
        c60.intoArray(c, cOff + 6 * ldc);
        c61.intoArray(c, cOff + 6 * ldc + L);
        c70.intoArray(c, cOff + 7 * ldc);
        c71.intoArray(c, cOff + 7 * ldc + L);
    }

    /**
     * The MR×NR tile of MR rows of a row-major matrix read in place (row r at aOff + r·lda, step p
     * at + p) times a packed sliver: {@code t[r·NR + c] = Σ_p a[aOff + r·lda + p]·b[bOff + p·NR + c]},
     * from zero in p order, as in {@link #multiply}. For dy·Wᵀ with a batch of at most NR rows,
     * computed as W·dyᵀ: W's rows stream as they are stored, where the other way round all of W
     * would be transposed into slivers first.
     */
    static void multiplyRows(int kc, float[] a, int aOff, int lda, float[] b, int bOff, float[] t) {
        FloatVector c00 = FloatVector.zero(F), c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F), c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F), c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F), c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F), c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F), c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F), c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F), c71 = FloatVector.zero(F);
        int a0 = aOff;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int a6 = a5 + lda;
        int a7 = a6 + lda;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector x = FloatVector.broadcast(F, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, a[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(F, a[a6 + p]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(F, a[a7 + p]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(t, 0);
        c01.intoArray(t, L);
        c10.intoArray(t, NR);
        c11.intoArray(t, NR + L);
        c20.intoArray(t, 2 * NR);
        c21.intoArray(t, 2 * NR + L);
        c30.intoArray(t, 3 * NR);
        c31.intoArray(t, 3 * NR + L);
        c40.intoArray(t, 4 * NR);
        c41.intoArray(t, 4 * NR + L);
        c50.intoArray(t, 5 * NR);
        c51.intoArray(t, 5 * NR + L);
        c60.intoArray(t, 6 * NR);
        c61.intoArray(t, 6 * NR + L);
        c70.intoArray(t, 7 * NR);
        c71.intoArray(t, 7 * NR + L);
    }

    /**
     * The MR×L tile of an edge sliver at most one vector wide that the column tiles below do not
     * take (13 to 16 columns; 5 to 12 at depths under 64, such as the last 12 of 300 columns of the
     * batch-32 weight gradient): half the multiply-adds of the full tile, some on zero padding.
     * Always stores the sum into {@code c} (rows ldc apart), for the caller to mask into C.
     */
    static void multiplyNarrow(int kc, float[] a, int aOff, float[] b, int bOff, int ldb, float[] c, int ldc) {
        FloatVector c0 = FloatVector.zero(F), c1 = FloatVector.zero(F);
        FloatVector c2 = FloatVector.zero(F), c3 = FloatVector.zero(F);
        FloatVector c4 = FloatVector.zero(F), c5 = FloatVector.zero(F);
        FloatVector c6 = FloatVector.zero(F), c7 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(F, b, bOff + p * ldb);
            int ai = aOff + p * MR;
            c0 = FloatVector.broadcast(F, a[ai]).fma(b0, c0);
            c1 = FloatVector.broadcast(F, a[ai + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(F, a[ai + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(F, a[ai + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(F, a[ai + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(F, a[ai + 5]).fma(b0, c5);
            c6 = FloatVector.broadcast(F, a[ai + 6]).fma(b0, c6);
            c7 = FloatVector.broadcast(F, a[ai + 7]).fma(b0, c7);
        }
        c0.intoArray(c, 0);
        c1.intoArray(c, ldc);
        c2.intoArray(c, 2 * ldc);
        c3.intoArray(c, 3 * ldc);
        c4.intoArray(c, 4 * ldc);
        c5.intoArray(c, 5 * ldc);
        c6.intoArray(c, 6 * ldc);
        c7.intoArray(c, 7 * ldc);
    }

    /** Widest edge sliver that {@link #multiplyColumns} takes. */
    static final int COLUMNS = 4;

    /**
     * Two A panels (rows aOff.. and aOff2.., MR each) times the first {@link #COLUMNS} columns of
     * an edge sliver (zero-padded past its width), with the lanes running down the rows: per step,
     * two panel loads, one broadcast per column and eight multiply-adds. The 8×16 tile of
     * {@link #multiplyNarrow} spends a broadcast per row and computes 16 columns of which a
     * 100-wide layer's edge uses 4: that edge cost its GEMM 17%. Column c of panel h goes to
     * {@code t[(h·COLUMNS + c)·MR ..]}; each sum runs from zero in k order, as in the other tiles.
     */
    static void multiplyColumns(int kc, float[] a, int aOff, int aOff2, float[] b, int bOff, int ldb, float[] t) {
        FloatVector u0 = FloatVector.zero(PANEL_STEP), u1 = FloatVector.zero(PANEL_STEP);
        FloatVector u2 = FloatVector.zero(PANEL_STEP), u3 = FloatVector.zero(PANEL_STEP);
        FloatVector v0 = FloatVector.zero(PANEL_STEP), v1 = FloatVector.zero(PANEL_STEP);
        FloatVector v2 = FloatVector.zero(PANEL_STEP), v3 = FloatVector.zero(PANEL_STEP);
        for (int p = 0; p < kc; p++) {
            FloatVector x = FloatVector.fromArray(PANEL_STEP, a, aOff + p * MR);
            FloatVector y = FloatVector.fromArray(PANEL_STEP, a, aOff2 + p * MR);
            int bi = bOff + p * ldb;
            FloatVector s = FloatVector.broadcast(PANEL_STEP, b[bi]);
            u0 = x.fma(s, u0);
            v0 = y.fma(s, v0);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 1]);
            u1 = x.fma(s, u1);
            v1 = y.fma(s, v1);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 2]);
            u2 = x.fma(s, u2);
            v2 = y.fma(s, v2);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 3]);
            u3 = x.fma(s, u3);
            v3 = y.fma(s, v3);
        }
        u0.intoArray(t, 0);
        u1.intoArray(t, MR);
        u2.intoArray(t, 2 * MR);
        u3.intoArray(t, 3 * MR);
        v0.intoArray(t, 4 * MR);
        v1.intoArray(t, 5 * MR);
        v2.intoArray(t, 6 * MR);
        v3.intoArray(t, 7 * MR);
    }

    /** Widest edge sliver that {@link #multiplyWideColumns} takes. */
    static final int WIDE_COLUMNS = 12;
    /**
     * Whether {@link #multiplyWideColumns} is used: its 24 accumulators need the 32 vector
     * registers that come with 512-bit vectors (L = 2·MR); with AVX2's 16 they would spill.
     */
    static final boolean WIDE_AVAILABLE = PANEL_STEP != null && L == 2 * MR;

    /**
     * As {@link #multiplyColumns}, for the first {@link #WIDE_COLUMNS} columns: 24 accumulators,
     * per step two panel loads and twelve broadcasts for 24 multiply-adds of half a register
     * each. {@link #multiplyNarrow} spends a broadcast on each of its 8 multiply-adds, and ran the
     * last 12 of 300 columns at about two thirds of a full tile's time (the 10 of the output layer,
     * 100×10×256, at 24 GFLOP/s, no faster than 32 columns). Column c of panel h goes to
     * {@code t[(h·WIDE_COLUMNS + c)·MR ..]}.
     */
    static void multiplyWideColumns(int kc, float[] a, int aOff, int aOff2, float[] b, int bOff, int ldb, float[] t) {
        FloatVector u0 = FloatVector.zero(PANEL_STEP), v0 = FloatVector.zero(PANEL_STEP);
        FloatVector u1 = FloatVector.zero(PANEL_STEP), v1 = FloatVector.zero(PANEL_STEP);
        FloatVector u2 = FloatVector.zero(PANEL_STEP), v2 = FloatVector.zero(PANEL_STEP);
        FloatVector u3 = FloatVector.zero(PANEL_STEP), v3 = FloatVector.zero(PANEL_STEP);
        FloatVector u4 = FloatVector.zero(PANEL_STEP), v4 = FloatVector.zero(PANEL_STEP);
        FloatVector u5 = FloatVector.zero(PANEL_STEP), v5 = FloatVector.zero(PANEL_STEP);
        FloatVector u6 = FloatVector.zero(PANEL_STEP), v6 = FloatVector.zero(PANEL_STEP);
        FloatVector u7 = FloatVector.zero(PANEL_STEP), v7 = FloatVector.zero(PANEL_STEP);
        FloatVector u8 = FloatVector.zero(PANEL_STEP), v8 = FloatVector.zero(PANEL_STEP);
        FloatVector u9 = FloatVector.zero(PANEL_STEP), v9 = FloatVector.zero(PANEL_STEP);
        FloatVector u10 = FloatVector.zero(PANEL_STEP), v10 = FloatVector.zero(PANEL_STEP);
        FloatVector u11 = FloatVector.zero(PANEL_STEP), v11 = FloatVector.zero(PANEL_STEP);
        for (int p = 0; p < kc; p++) {
            FloatVector x = FloatVector.fromArray(PANEL_STEP, a, aOff + p * MR);
            FloatVector y = FloatVector.fromArray(PANEL_STEP, a, aOff2 + p * MR);
            int bi = bOff + p * ldb;
            FloatVector s = FloatVector.broadcast(PANEL_STEP, b[bi]);
            u0 = x.fma(s, u0);
            v0 = y.fma(s, v0);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 1]);
            u1 = x.fma(s, u1);
            v1 = y.fma(s, v1);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 2]);
            u2 = x.fma(s, u2);
            v2 = y.fma(s, v2);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 3]);
            u3 = x.fma(s, u3);
            v3 = y.fma(s, v3);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 4]);
            u4 = x.fma(s, u4);
            v4 = y.fma(s, v4);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 5]);
            u5 = x.fma(s, u5);
            v5 = y.fma(s, v5);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 6]);
            u6 = x.fma(s, u6);
            v6 = y.fma(s, v6);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 7]);
            u7 = x.fma(s, u7);
            v7 = y.fma(s, v7);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 8]);
            u8 = x.fma(s, u8);
            v8 = y.fma(s, v8);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 9]);
            u9 = x.fma(s, u9);
            v9 = y.fma(s, v9);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 10]);
            u10 = x.fma(s, u10);
            v10 = y.fma(s, v10);
            s = FloatVector.broadcast(PANEL_STEP, b[bi + 11]);
            u11 = x.fma(s, u11);
            v11 = y.fma(s, v11);
        }
        u0.intoArray(t, 0);
        u1.intoArray(t, 1 * MR);
        u2.intoArray(t, 2 * MR);
        u3.intoArray(t, 3 * MR);
        u4.intoArray(t, 4 * MR);
        u5.intoArray(t, 5 * MR);
        u6.intoArray(t, 6 * MR);
        u7.intoArray(t, 7 * MR);
        u8.intoArray(t, 8 * MR);
        u9.intoArray(t, 9 * MR);
        u10.intoArray(t, 10 * MR);
        u11.intoArray(t, 11 * MR);
        v0.intoArray(t, 12 * MR);
        v1.intoArray(t, 13 * MR);
        v2.intoArray(t, 14 * MR);
        v3.intoArray(t, 15 * MR);
        v4.intoArray(t, 16 * MR);
        v5.intoArray(t, 17 * MR);
        v6.intoArray(t, 18 * MR);
        v7.intoArray(t, 19 * MR);
        v8.intoArray(t, 20 * MR);
        v9.intoArray(t, 21 * MR);
        v10.intoArray(t, 22 * MR);
        v11.intoArray(t, 23 * MR);
    }
}
