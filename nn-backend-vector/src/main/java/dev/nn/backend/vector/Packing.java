package dev.nn.backend.vector;

import static dev.nn.backend.vector.GemmShape.KC;
import static dev.nn.backend.vector.GemmShape.MR;
import static dev.nn.backend.vector.GemmShape.NR;
import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Copies blocks of op(A) and op(B) into the layouts {@link MicroKernel} reads, padding the
 * edges with zeros so the kernel always runs full tiles.
 * <ul>
 *   <li>A block, rows [i0, i0+mc) × depth [p0, p0+kc): row r at r·KC, so panel q of MR rows
 *       starts at q·MR·KC (a plain row copy when A is not transposed, gathers when it is);</li>
 *   <li>B panel, depth [p0, p0+kc) × columns [j0, j0+nc): sliver s of NR columns at s·NR·KC,
 *       step p at +p·NR.</li>
 * </ul>
 */
final class Packing {

    private Packing() {
    }

    /** op(A) is m×k; {@code a} is stored m×k, or k×m when transA. */
    static void packA(boolean transA, float[] a, int m, int k, int i0, int mc, int p0, int kc, Workspace ws) {
        float[] dst = ws.a;
        int rows = ceil(mc, MR) * MR;
        for (int r = 0; r < rows; r++) {
            int off = r * KC;
            int i = i0 + r;
            if (r >= mc) {
                Arrays.fill(dst, off, off + kc, 0f);
            } else if (!transA) {
                System.arraycopy(a, i * k + p0, dst, off, kc);
            } else {
                gatherRun(a, p0 * m + i, ws.strideA(m), kc, dst, off);
            }
        }
    }

    /** op(B) is k×n; {@code b} is stored k×n, or n×k when transB. */
    static void packB(boolean transB, float[] b, int n, int k, int p0, int kc, int j0, int nc, Workspace ws) {
        float[] dst = ws.b;
        for (int s = 0; s * NR < nc; s++) {
            int cols = Math.min(NR, nc - s * NR);
            int off = s * NR * KC;
            int j = j0 + s * NR;
            if (transB) {
                packTransposedSliver(b, k, p0, kc, j, cols, ws.strideB(k), dst, off);
            } else {
                packSliver(b, n, p0, kc, j, cols, dst, off);
            }
        }
    }

    private static void packSliver(float[] b, int n, int p0, int kc, int j, int cols, float[] dst, int off) {
        int src = p0 * n + j;
        if (cols == NR) {
            for (int p = 0; p < kc; p++, src += n) {
                int d = off + p * NR;
                FloatVector.fromArray(F, b, src).intoArray(dst, d);
                FloatVector.fromArray(F, b, src + L).intoArray(dst, d + L);
            }
            return;
        }
        for (int p = 0; p < kc; p++, src += n) {
            int d = off + p * NR;
            for (int v = 0; v < NR; v += L) {
                FloatVector.fromArray(F, b, src + v, F.indexInRange(v, cols)).intoArray(dst, d + v);
            }
        }
    }

    /**
     * Column c of the sliver is row j + c of the stored B; its kc values land NR apart. Full
     * vectors of columns are gathered; a partial edge is copied one by one, because a gather
     * checks the bounds of every lane, live or not.
     */
    private static void packTransposedSliver(float[] b, int k, int p0, int kc, int j, int cols, int[] rows,
                                             float[] dst, int off) {
        for (int v = 0; v < NR; v += L) {
            int src = (j + v) * k + p0;
            if (v + L <= cols) {
                for (int p = 0; p < kc; p++) {
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

    /** {@code dst[off + p] = src[base + p·stride]} for p < count: L at a time by gathering, then the rest. */
    private static void gatherRun(float[] src, int base, int[] strided, int count, float[] dst, int off) {
        int stride = strided[1];
        int p = 0;
        for (int bound = F.loopBound(count); p < bound; p += L) {
            FloatVector.fromArray(F, src, base + p * stride, strided, 0).intoArray(dst, off + p);
        }
        for (; p < count; p++) {
            dst[off + p] = src[base + p * stride];
        }
    }

    static int ceil(int x, int unit) {
        return (x + unit - 1) / unit;
    }
}
