package dev.nn.backend.vector;

import static dev.nn.backend.vector.GemmShape.KC;
import static dev.nn.backend.vector.GemmShape.MR;
import static dev.nn.backend.vector.GemmShape.NR;
import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies blocks of op(A) and op(B) into the layouts {@link MicroKernel} reads, padding the
 * edges with zeros so the kernel always runs full tiles.
 * <ul>
 *   <li>A block, rows [i0, i0+mc) × depth [p0, p0+kc): panel q of MR rows starts at q·MR·KC,
 *       step p of it at +p·MR, so the kernel reads A in one forward stream (it ran at two thirds
 *       of the speed with each row of the panel KC apart);</li>
 *   <li>B panel, depth [p0, p0+kc) × columns [j0, j0+nc): sliver s of NR columns at s·NR·KC,
 *       step p at +p·NR.</li>
 * </ul>
 */
final class Packing {

    /**
     * A vector of exactly MR floats, one step of an A panel, or null where the machine's vectors
     * are narrower. A masked move of the first MR lanes of a full vector took three times as long.
     */
    static final VectorSpecies<Float> PANEL_STEP =
            MR * Float.SIZE <= F.vectorBitSize() ? VectorSpecies.of(float.class, VectorShape.forBitSize(MR * Float.SIZE)) : null;

    /** Steps of an A panel one vector holds, or 0 where a vector holds less than one. */
    static final int STEPS_PER_VECTOR = L % MR == 0 ? L / MR : 0;

    private Packing() {
    }

    /**
     * op(A) is m×k; {@code a} is stored m×k, or k×m when transA. Each packed value is alpha·a,
     * rounded to float: A, unlike B, is packed on every path, so scaling it here serves all of them.
     */
    static void packA(boolean transA, float[] a, int m, int k, int i0, int mc, int p0, int kc, float alpha,
                      Workspace ws) {
        float[] dst = ws.a;
        for (int r0 = 0; r0 < mc; r0 += MR) {
            int rows = Math.min(MR, mc - r0);
            if (transA) {
                packColumnsAsPanel(a, m, i0 + r0, p0, kc, rows, alpha, dst, r0 * KC);
            } else {
                packRowsAsPanel(a, k, i0 + r0, p0, kc, rows, dst, r0 * KC, ws);
                if (alpha != 1f) {
                    scale(dst, r0 * KC, kc * MR, alpha);
                }
            }
        }
    }

    /** dst[off..off+len) *= alpha; the panel is in L1 just after packing. */
    private static void scale(float[] dst, int off, int len, float alpha) {
        int i = 0;
        for (; i + L <= len; i += L) {
            FloatVector.fromArray(F, dst, off + i).mul(alpha).intoArray(dst, off + i);
        }
        for (; i < len; i++) {
            dst[off + i] *= alpha;
        }
    }

    /**
     * Rows i.. of a stored m×k A. A whole panel is transposed 16 steps at a time where
     * {@link PanelTranspose} applies, and its other steps gathered a vector at a time, L/MR steps
     * of MR rows each (1.8 times as fast as copying value by value, which a batch-256 step spent
     * 5% on); a partial panel, and any steps left over, value by value with zero padding.
     */
    private static void packRowsAsPanel(float[] a, int k, int i, int p0, int kc, int rows, float[] dst, int off,
                                        Workspace ws) {
        int p = 0;
        if (rows == MR && PanelTranspose.AVAILABLE) {
            int src = i * k + p0;
            for (; p + PanelTranspose.STEPS <= kc; p += PanelTranspose.STEPS) {
                PanelTranspose.pack(a, src + p, k, dst, off + p * MR);
            }
        }
        if (rows == MR && STEPS_PER_VECTOR > 0) {
            int[] map = ws.panelRows(k);
            int src = i * k + p0;
            for (; p + STEPS_PER_VECTOR <= kc; p += STEPS_PER_VECTOR) {
                FloatVector.fromArray(F, a, src + p, map, 0).intoArray(dst, off + p * MR);
            }
        }
        for (int r = 0; r < MR; r++) {
            int src = (i + r) * k + p0;
            for (int q = p; q < kc; q++) {
                dst[off + q * MR + r] = r < rows ? a[src + q] : 0f;
            }
        }
    }

    /**
     * Columns i.. of a stored k×m A (op(A) = Aᵀ), times alpha: step p's MR values are already
     * contiguous. Scaling as they move saves the fused SGD step's weight gradient (alpha = −lr) a
     * second pass over the panel.
     */
    private static void packColumnsAsPanel(float[] a, int m, int i, int p0, int kc, int rows, float alpha,
                                           float[] dst, int off) {
        for (int p = 0; p < kc; p++) {
            int src = (p0 + p) * m + i;
            int d = off + p * MR;
            if (rows == MR && PANEL_STEP != null) {
                // one vector move; an arraycopy call per 8 floats cost a tenth of a batch-256 step
                FloatVector.fromArray(PANEL_STEP, a, src).mul(alpha).intoArray(dst, d);
            } else {
                for (int r = 0; r < MR; r++) {
                    dst[d + r] = r < rows ? alpha * a[src + r] : 0f;
                }
            }
        }
    }

    /** op(B) is k×n; {@code b} is stored k×n, or n×k when transB. */
    static void packB(boolean transB, float[] b, int n, int k, int p0, int kc, int j0, int nc, Workspace ws,
                      float[] dst, int off) {
        if (transB) {
            for (int s = 0; s * NR < nc; s++) {
                int cols = Math.min(NR, nc - s * NR);
                packTransposedSliver(b, k, p0, kc, j0 + s * NR, cols, ws, dst, off + s * NR * KC);
            }
            return;
        }
        packRows(b, n, p0, kc, j0, nc, dst, off);
    }

    /**
     * A row-major B, a row at a time: each row's stretch of nc columns is read front to back and
     * dealt out NR values to a sliver, so B streams in as the prefetcher expects; the last sliver,
     * if narrower than NR, is packed on its own (zero-padded).
     */
    private static void packRows(float[] b, int n, int p0, int kc, int j0, int nc, float[] dst, int off) {
        int full = nc / NR;
        for (int p = 0; p < kc; p++) {
            int src = (p0 + p) * n + j0;
            int d = off + p * NR;
            for (int s = 0; s < full; s++, src += NR, d += NR * KC) {
                FloatVector.fromArray(F, b, src).intoArray(dst, d);
                FloatVector.fromArray(F, b, src + L).intoArray(dst, d + L);
            }
        }
        if (full * NR < nc) {
            packNarrowSliver(b, n, p0, kc, j0 + full * NR, nc - full * NR, dst, off + full * NR * KC);
        }
    }

    /** A sliver of fewer than NR columns, zero-padded to NR. */
    private static void packNarrowSliver(float[] b, int n, int p0, int kc, int j, int cols, float[] dst, int off) {
        int src = p0 * n + j;
        for (int p = 0; p < kc; p++, src += n) {
            int d = off + p * NR;
            for (int v = 0; v < NR; v += L) {
                FloatVector.fromArray(F, b, src + v, F.indexInRange(v, cols)).intoArray(dst, d + v);
            }
        }
    }

    /**
     * Column c of the sliver is row j + c of the stored B; its kc values land NR apart. Full
     * vectors of columns are transposed 16 steps at a time by {@link PanelTranspose#sliver}
     * where it applies (the B32 dx shape's packing, 784×300, went from 124-150 to 69-80 µs on
     * Zen 4), their last steps gathered; a partial edge is copied one by one, because a gather
     * checks the bounds of every lane, live or not.
     */
    private static void packTransposedSliver(float[] b, int k, int p0, int kc, int j, int cols, Workspace ws,
                                             float[] dst, int off) {
        int[] rows = ws.strideB(k);
        for (int v = 0; v < NR; v += L) {
            int src = (j + v) * k + p0;
            if (v + L <= cols) {
                int p = 0;
                if (PanelTranspose.AVAILABLE) {
                    for (; p + PanelTranspose.STEPS <= kc; p += PanelTranspose.STEPS) {
                        PanelTranspose.sliver(b, src + p, k, dst, off + p * NR + v, NR, ws.transposed);
                    }
                }
                for (; p < kc; p++) {
                    FloatVector.fromArray(F, b, src + p, rows, 0).intoArray(dst, off + p * NR + v);
                }
                continue;
            }
            for (int p = 0; p < kc; p++) {
                for (int c = 0; c < L; c++) {
                    dst[off + p * NR + v + c] = v + c < cols ? b[src + c * k + p] : 0f;
                }
            }
        }
    }

    /**
     * Depth [p0, p0 + kc) of a stored m×k A (m ≤ NR) as one B sliver, zero-padded past m: step p
     * holds A's column p0 + p, each value alpha·a as {@link #packA} would scale it.
     */
    static void packTransposedA(float[] a, int m, int k, int p0, int kc, float alpha, Workspace ws, float[] dst) {
        packTransposedSliver(a, k, p0, kc, 0, m, ws, dst, 0);
        if (alpha != 1f) {
            scale(dst, 0, kc * NR, alpha);
        }
    }

    static int ceil(int x, int unit) {
        return (x + unit - 1) / unit;
    }
}
