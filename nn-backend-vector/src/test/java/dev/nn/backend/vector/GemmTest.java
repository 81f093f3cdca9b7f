package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nn.api.backend.ReferenceBackend;
import dev.nn.api.backend.UnaryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class GemmTest {

    static VectorBackend one;
    static VectorBackend two;
    static VectorBackend four;
    final ReferenceBackend reference = new ReferenceBackend();

    @BeforeAll
    static void open() {
        one = new VectorBackend(1);
        two = new VectorBackend(2);
        four = new VectorBackend(4);
    }

    @AfterAll
    static void close() {
        one.close();
        two.close();
        four.close();
    }

    /**
     * Square sizes with every tail, the MLP's shapes, shapes crossing the MC, KC and NC blocks, and
     * shapes whose depth is summed in halves.
     */
    static Stream<Arguments> shapes() {
        List<Arguments> list = new ArrayList<>();
        for (int s : ElementwiseTest.SIZES) {
            list.add(Arguments.of(s, s, Math.min(s, 255)));
        }
        int[][] odd = {
            {1, 300, 784}, {3, 17, 33}, {33, 16, 15}, {255, 33, 17}, {17, 255, 1}, {15, 1, 300},
            {32, 300, 784}, {784, 300, 32}, {32, 784, 300}, {256, 10, 100}, {513, 129, 600}, {40, 1100, 270},
            // x·W summed in two depth halves (Gemm.halves): 4 blocks, 7 (3 + 4), 3 (1 + 2), 3 with an
            // edge of 4 columns (MicroKernel.multiplyColumns adding the second half's sum), and 2
            // (1 + 1: the second half has no sum before its last block), small batches among them
            {256, 300, 784}, {100, 45, 1700}, {65, 17, 513}, {72, 36, 513}, {32, 100, 300}, {32, 16, 300},
            {64, 100, 513},
            // edges of 5 and 12 columns at depths from 64 (MicroKernel.multiplyWideColumns), an odd
            // number of panels, in halves too
            {24, 37, 100}, {72, 44, 513},
            // a few rows (FewRows): strips of four vectors then a one-column tail, strips then a tail
            // of 8, three one-vector passes, a single masked pass
            {2, 129, 40}, {4, 200, 17}, {4, 48, 5}, {1, 10, 100},
        };
        for (int[] s : odd) {
            list.add(Arguments.of(s[0], s[1], s[2]));
        }
        return list.stream();
    }

    /** A stored m×k (or k×m) and B stored k×n (or n×k), filled with seeded values. */
    private record Problem(int m, int n, int k, float[] a, float[] b, float[] c0) {
        static Problem of(int m, int n, int k, long seed) {
            Random rnd = new Random(seed);
            return new Problem(m, n, k, Close.random(rnd, m * k, -1f, 1f), Close.random(rnd, k * n, -1f, 1f),
                    Close.random(rnd, m * n, -1f, 1f));
        }

        float a(boolean transA, int i, int p) {
            return transA ? a[p * m + i] : a[i * k + p];
        }

        float b(boolean transB, int p, int j) {
            return transB ? b[j * k + p] : b[p * n + j];
        }

        /**
         * The reference sums in double and rounds once; float FMAs round at every step, so
         * their error grows with Σ|a||b| (the size of the terms), not with the result, which
         * may cancel to near 0. REL of that sum (plus |c| when accumulating) is the bound.
         */
        double[] scale(boolean transA, boolean transB, boolean accumulate) {
            double[] s = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double t = accumulate ? Math.abs(c0[i * n + j]) : 0;
                    for (int p = 0; p < k; p++) {
                        t += Math.abs(a(transA, i, p) * b(transB, p, j));
                    }
                    s[i * n + j] = t;
                }
            }
            return s;
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @MethodSource("shapes")
    void allFormsMatchReferenceAndAgreeAcrossThreadCounts(int m, int n, int k) {
        Problem pr = Problem.of(m, n, k, 31L * m + 7L * n + k);
        for (boolean transA : new boolean[] {false, true}) {
            for (boolean transB : new boolean[] {false, true}) {
                for (boolean acc : new boolean[] {false, true}) {
                    check(pr, transA, transB, acc);
                }
            }
        }
    }

    /**
     * On one thread the C block (530 × 500) is too big to stay in L2, so each pass over it covers
     * a group of up to 8 depth blocks: 2100 = 9 × 234 (less 6) makes a group of 8 and one of 1.
     * On two threads each part's block fits, and passes go one depth block at a time.
     */
    @Test
    void largeCIsComputedOverGroupsOfDepthBlocks() {
        Problem pr = Problem.of(530, 500, 2100, 11);
        for (boolean transB : new boolean[] {false, true}) {
            for (boolean acc : new boolean[] {false, true}) {
                check(pr, false, transB, acc);
            }
        }
    }

    /**
     * On four threads the two depth halves each split their rows in two groups: the same bits as
     * one thread. A small batch (32 rows, 7) also sums its depth in halves, one group of rows; a
     * depth of two blocks (300) has a block in each half.
     */
    @Test
    void depthHalvesAgreeOnFourThreads() {
        for (int[] s : new int[][] {{256, 300, 784}, {100, 45, 1700}, {72, 17, 513}, {72, 36, 513}, {32, 300, 784},
            {7, 20, 600}, {32, 100, 300}, {256, 100, 300}, {72, 44, 513}}) {
            Problem pr = Problem.of(s[0], s[1], s[2], 3);
            for (boolean acc : new boolean[] {false, true}) {
                float[] got1 = pr.c0.clone();
                float[] got4 = pr.c0.clone();
                one.gemm(false, false, s[0], s[1], s[2], 1f, pr.a, pr.b, got1, acc);
                four.gemm(false, false, s[0], s[1], s[2], 1f, pr.a, pr.b, got4, acc);
                assertArrayEquals(got1, got4, 0f,
                        s[0] + "x" + s[1] + "x" + s[2] + (acc ? " +=" : "") + ": 1 and 4 threads differ");
            }
        }
    }

    private void check(Problem pr, boolean transA, boolean transB, boolean acc) {
        int m = pr.m;
        int n = pr.n;
        int k = pr.k;
        String what = (transA ? "Aᵀ" : "A") + "·" + (transB ? "Bᵀ" : "B") + (acc ? " +=" : "") + " " + m + "x" + n
                + "x" + k;
        float[] want = pr.c0.clone();
        float[] got1 = pr.c0.clone();
        float[] got2 = pr.c0.clone();
        reference.gemm(transA, transB, m, n, k, 1f, pr.a, pr.b, want, acc);
        one.gemm(transA, transB, m, n, k, 1f, pr.a, pr.b, got1, acc);
        two.gemm(transA, transB, m, n, k, 1f, pr.a, pr.b, got2, acc);
        Close.within(what, want, got1, pr.scale(transA, transB, acc));
        // the partition never changes a tile's arithmetic, so 1 and 2 threads agree bit for bit
        assertArrayEquals(got1, got2, 0f, what + ": 1 and 2 threads differ");
    }

    /**
     * alpha scales op(A) as it is packed (or, with a few rows, as it is broadcast): the same bits
     * as multiplying by an A scaled and rounded beforehand, on any thread count, on every path
     * (few rows, B read in place or packed, depth halves, split by rows or columns), and close
     * to the reference's alpha·Σ. Accumulating with a negative alpha is the fused SGD step.
     */
    @Test
    void alphaScalesAAsIfPrescaled() {
        float alpha = -0.0123f;
        for (int[] s : new int[][] {{3, 40, 17}, {784, 300, 32}, {300, 100, 32}, {100, 10, 256}, {32, 300, 784},
            {256, 300, 784}, {40, 1100, 270}, {65, 17, 513}}) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            Problem pr = Problem.of(m, n, k, 17L * m + n);
            float[] scaledA = pr.a.clone();
            for (int i = 0; i < scaledA.length; i++) {
                scaledA[i] *= alpha;
            }
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    String what = (transA ? "Aᵀ" : "A") + "·" + (transB ? "Bᵀ" : "B") + " += alpha· " + m + "x" + n
                            + "x" + k;
                    float[] want = pr.c0.clone();
                    float[] prescaled = pr.c0.clone();
                    float[] got1 = pr.c0.clone();
                    float[] got2 = pr.c0.clone();
                    float[] got4 = pr.c0.clone();
                    reference.gemm(transA, transB, m, n, k, alpha, pr.a, pr.b, want, true);
                    one.gemm(transA, transB, m, n, k, 1f, scaledA, pr.b, prescaled, true);
                    one.gemm(transA, transB, m, n, k, alpha, pr.a, pr.b, got1, true);
                    two.gemm(transA, transB, m, n, k, alpha, pr.a, pr.b, got2, true);
                    four.gemm(transA, transB, m, n, k, alpha, pr.a, pr.b, got4, true);
                    double[] bound = pr.scale(transA, transB, true);
                    for (int i = 0; i < bound.length; i++) {
                        bound[i] = Math.abs(pr.c0[i]) + Math.abs(alpha) * (bound[i] - Math.abs(pr.c0[i]));
                    }
                    Close.within(what, want, got1, bound);
                    assertArrayEquals(prescaled, got1, 0f, what + ": differs from multiplying a prescaled A");
                    assertArrayEquals(got1, got2, 0f, what + ": 1 and 2 threads differ");
                    assertArrayEquals(got1, got4, 0f, what + ": 1 and 4 threads differ");
                }
            }
        }
    }

    /**
     * A·Bᵀ with at most 32 rows and a depth of at least 64 runs as B·Aᵀ, reading B's rows in place
     * (Gemm.rowsOfB); with 33 rows it takes the usual path. Rows of C do not depend on each other, so the first 32 rows must be
     * the same bits either way: the same multiply-adds in the same order, on 1 and 2 threads, with
     * alpha and accumulation, and with a last panel of B's rows that is not whole (13, 300 = 37·8 + 4);
     * a depth of 10 takes the usual path either way.
     */
    @Test
    void smallBatchTimesTransposedMatchesTheUsualPath() {
        for (int[] s : new int[][] {{784, 300}, {300, 100}, {13, 64}, {20, 600}, {300, 513}, {100, 10}}) {
            int n = s[0];
            int k = s[1];
            Problem big = Problem.of(33, n, k, 5L * n + k);
            float[] a32 = Arrays.copyOf(big.a, 32 * k);
            for (VectorBackend be : new VectorBackend[] {one, two}) {
                for (float alpha : new float[] {1f, -0.37f}) {
                    for (boolean acc : new boolean[] {false, true}) {
                        String what = "32x" + n + "x" + k + " alpha " + alpha + (acc ? " +=" : "") + " on "
                                + be.threads() + " thread(s)";
                        float[] usual = big.c0.clone();
                        float[] rows = Arrays.copyOf(big.c0, 32 * n);
                        be.gemm(false, true, 33, n, k, alpha, big.a, big.b, usual, acc);
                        be.gemm(false, true, 32, n, k, alpha, a32, big.b, rows, acc);
                        assertArrayEquals(Arrays.copyOf(usual, 32 * n), rows, 0f, what);
                    }
                }
            }
        }
    }

    @Test
    void repeatedRunsAreBitIdentical() {
        Problem pr = Problem.of(256, 300, 784, 5);
        float[] first = new float[256 * 300];
        float[] again = new float[256 * 300];
        two.gemm(false, false, 256, 300, 784, 1f, pr.a, pr.b, first, false);
        for (int run = 0; run < 3; run++) {
            two.gemm(false, false, 256, 300, 784, 1f, pr.a, pr.b, again, false);
            assertArrayEquals(first, again, 0f, "run " + run);
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void denseMatchesReference(UnaryOp act) {
        for (int[] s : new int[][] {{1, 3, 1}, {17, 33, 15}, {32, 784, 300}, {300, 40, 100}, {100, 1700, 45},
            {200, 600, 300}}) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            Problem pr = Problem.of(m, n, k, 11L * m + n + act.ordinal());
            boolean positive = act == UnaryOp.LOG || act == UnaryOp.SQRT;
            float[] bias = Close.random(new Random(n), n, positive ? 100f : -1f, positive ? 101f : 1f);
            for (float[] bs : positive ? new float[][] {bias} : new float[][] {bias, null}) {
                float[] want = new float[m * n];
                float[] got = new float[m * n];
                float[] got1 = new float[m * n];
                reference.dense(pr.a, pr.b, bs, want, m, k, n, act, 0.2f);
                two.dense(pr.a, pr.b, bs, got, m, k, n, act, 0.2f);
                one.dense(pr.a, pr.b, bs, got1, m, k, n, act, 0.2f);
                assertArrayEquals(got1, got, 0f, "dense " + act + " " + m + "x" + k + "x" + n + ": 1 and 2 threads differ");
                // the pre-activation error bound, carried through the activation's slope (≤ 1 here,
                // except exp and square, whose outputs are compared relative to their own size)
                double[] scale = pr.scale(false, false, false);
                for (int i = 0; i < scale.length; i++) {
                    scale[i] = Math.max(scale[i] + 1, Math.abs(want[i]));
                    if (act == UnaryOp.EXP || act == UnaryOp.SQUARE) {
                        scale[i] *= Math.abs(want[i]) + 1;
                    }
                }
                Close.within("dense " + act + " " + m + "x" + k + "x" + n + (bs == null ? " no bias" : ""),
                        want, got, scale);
            }
        }
    }
}
