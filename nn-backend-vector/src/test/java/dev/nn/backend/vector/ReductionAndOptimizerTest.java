package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.ReferenceBackend;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReductionAndOptimizerTest {

    static VectorBackend vector;
    final ReferenceBackend reference = new ReferenceBackend();

    @BeforeAll
    static void open() {
        vector = new VectorBackend(1);
    }

    @AfterAll
    static void close() {
        vector.close();
    }

    @Test
    void firstNonFiniteMatchesReference() {
        Random rnd = new Random(9);
        float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int n : new int[] {0, 1, 15, 16, 17, 33, 1000}) {
            // finite extremes first: none of them may count as bad
            float[] x = Close.random(rnd, n, -3f, 3f);
            for (int i = 0; i < n; i += 7) {
                x[i] = i % 3 == 0 ? Float.MAX_VALUE : i % 3 == 1 ? -Float.MIN_VALUE : -0f;
            }
            assertEquals(-1, vector.firstNonFinite(x, 0, n), "all finite, n=" + n);
            for (int at : new int[] {0, n / 2, n - 1}) {
                if (at < 0 || at >= n) {
                    continue;
                }
                float[] y = x.clone();
                y[at] = bad[at % 3];
                if (at + 5 < n) {
                    y[at + 5] = Float.NaN; // a later one must not be the answer
                }
                for (int from : new int[] {0, Math.min(n, 3), at}) {
                    for (int to : new int[] {n, at + 1, at}) {
                        if (from <= to) {
                            assertEquals(reference.firstNonFinite(y, from, to), vector.firstNonFinite(y, from, to),
                                    "n=" + n + " bad at " + at + " range [" + from + ", " + to + ")");
                        }
                    }
                }
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> vector.firstNonFinite(new float[8], 2, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> vector.firstNonFinite(new float[8], 5, 4));
    }

    @Test
    void sumsMatchReference() {
        Random rnd = new Random(4);
        for (int rows : ElementwiseTest.SIZES) {
            for (int cols : new int[] {1, 17, 300}) {
                float[] x = Close.random(rnd, rows * cols, -3f, 3f);
                // float lanes against a double sum: the error scales with Σ|x|, not with the result
                double[] colScale = new double[cols];
                double[] rowScale = new double[rows];
                double total = 0;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        double v = Math.abs(x[r * cols + c]);
                        colScale[c] += v;
                        rowScale[r] += v;
                        total += v;
                    }
                }
                float[] want = new float[cols];
                float[] got = new float[cols];
                reference.sumRows(x, want, rows, cols);
                vector.sumRows(x, got, rows, cols);
                Close.within("sumRows " + rows + "x" + cols, want, got, colScale);
                want = new float[rows];
                got = new float[rows];
                reference.sumCols(x, want, rows, cols);
                vector.sumCols(x, got, rows, cols);
                Close.within("sumCols " + rows + "x" + cols, want, got, rowScale);
                assertEquals(reference.sum(x, rows * cols), vector.sum(x, rows * cols), Close.REL * total);
            }
        }
    }

    /** Runs one update on both backends from the same state and demands the same bits. */
    private interface Step {
        void run(Backend be, float[] w, float[] g, float[] s1, float[] s2, int n);
    }

    private static void sameBits(String what, Step step) {
        Random rnd = new Random(what.hashCode());
        ReferenceBackend reference = new ReferenceBackend();
        for (int n : ElementwiseTest.SIZES) {
            float[] w = Close.random(rnd, n, -1f, 1f);
            float[] g = Close.random(rnd, n, -1f, 1f);
            float[] s1 = Close.random(rnd, n, 0f, 1f);
            float[] s2 = Close.random(rnd, n, 0f, 1f);
            float[] w2 = w.clone();
            float[] s12 = s1.clone();
            float[] s22 = s2.clone();
            for (int it = 0; it < 3; it++) {
                step.run(reference, w, g, s1, s2, n);
                step.run(vector, w2, g, s12, s22, n);
            }
            assertArrayEquals(w, w2, 0f, what + " weights n " + n);
            assertArrayEquals(s1, s12, 0f, what + " first state n " + n);
            assertArrayEquals(s2, s22, 0f, what + " second state n " + n);
        }
    }

    @Test
    void optimizerStepsAreBitIdenticalToReference() {
        sameBits("sgd", (be, w, g, s1, s2, n) -> be.sgdUpdate(w, g, null, n, 0.1f, 0f, false));
        sameBits("momentum", (be, w, g, s1, s2, n) -> be.sgdUpdate(w, g, s1, n, 0.1f, 0.9f, false));
        sameBits("nesterov", (be, w, g, s1, s2, n) -> be.sgdUpdate(w, g, s1, n, 0.1f, 0.9f, true));
        sameBits("adam", (be, w, g, s1, s2, n) -> be.adamUpdate(w, g, s1, s2, n, 0.001f, 0.9f, 0.999f, 1e-7f));
        sameBits("rmsprop", (be, w, g, s1, s2, n) -> be.rmspropUpdate(w, g, s1, n, 0.01f, 0.9f, 1e-7f));
        sameBits("adagrad", (be, w, g, s1, s2, n) -> be.adagradUpdate(w, g, s1, n, 0.01f, 1e-7f));
    }
}
