package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import jdk.incubator.vector.FloatVector;

/**
 * C = op(A)·B for a handful of rows of C with B unpacked (row-major k×n): each row of C is built
 * as Σ_p a(i, p)·B[p, :], one pass over B per row. For one to a few rows (prediction on a single
 * example) the packed path would repack all of B and fill most of each 8-row tile with padding.
 */
final class FewRows {

    /** Rows of C at or below which this path is taken. */
    static final int MAX_ROWS = 4;

    private FewRows() {
    }

    static void multiply(boolean transA, int m, int n, int k, float[] a, float[] b, float[] c, boolean accumulate) {
        int bound = F.loopBound(n);
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            if (!accumulate) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int p = 0; p < k; p++) {
                float aip = transA ? a[p * m + i] : a[i * k + p];
                if (aip == 0f) {
                    continue; // zero inputs (ReLU outputs, blank pixels) add nothing
                }
                int bp = p * n;
                FloatVector s = FloatVector.broadcast(F, aip);
                int j = 0;
                for (; j < bound; j += L) {
                    FloatVector.fromArray(F, b, bp + j).fma(s, FloatVector.fromArray(F, c, ci + j)).intoArray(c, ci + j);
                }
                for (; j < n; j++) {
                    c[ci + j] = Math.fma(b[bp + j], aip, c[ci + j]);
                }
            }
        }
    }
}
