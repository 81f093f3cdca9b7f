package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.backend.ReferenceBackend;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SoftmaxTest {

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

    /** Logits of moderate size, or ±1000 so that a naive exp would overflow. */
    private static float[] logits(Random rnd, int n, boolean huge) {
        float[] z = Close.random(rnd, n, -4f, 4f);
        if (huge) {
            for (int i = 0; i < n; i++) {
                z[i] = rnd.nextBoolean() ? 1000f + z[i] : -1000f + z[i];
            }
        }
        return z;
    }

    /** Log-domain outputs are compared in absolute terms once they are near 0. */
    static double[] logScale(float[] want) {
        double[] s = new double[want.length];
        for (int i = 0; i < want.length; i++) {
            s[i] = Math.abs(want[i]) + 1;
        }
        return s;
    }

    private static void finite(String what, float[] x) {
        for (float v : x) {
            assertTrue(Float.isFinite(v), what + " has a non-finite value " + v);
        }
    }

    @Test
    void softmaxAndLogSoftmaxMatchReference() {
        Random rnd = new Random(1);
        for (int cols : ElementwiseTest.SIZES) {
            for (boolean huge : new boolean[] {false, true}) {
                int rows = 5;
                float[] z = logits(rnd, rows * cols, huge);
                float[] want = new float[rows * cols];
                float[] got = new float[rows * cols];
                reference.softmax(z, want, rows, cols);
                vector.softmax(z, got, rows, cols);
                finite("softmax", got);
                Close.relative("softmax cols " + cols + " huge " + huge, want, got);
                reference.logSoftmax(z, want, rows, cols);
                vector.logSoftmax(z, got, rows, cols);
                finite("logSoftmax", got);
                Close.within("logSoftmax cols " + cols + " huge " + huge, want, got, logScale(want));
            }
        }
    }

    @Test
    void softmaxGradMatchesReference() {
        Random rnd = new Random(2);
        for (int cols : ElementwiseTest.SIZES) {
            int rows = 4;
            float[] y = new float[rows * cols];
            reference.softmax(logits(rnd, rows * cols, false), y, rows, cols);
            float[] dy = Close.random(rnd, rows * cols, -1f, 1f);
            float[] want = new float[rows * cols];
            float[] got = new float[rows * cols];
            reference.softmaxGrad(y, dy, want, rows, cols);
            vector.softmaxGrad(y, dy, got, rows, cols);
            Close.within("softmaxGrad cols " + cols, want, got, gradScale(y, dy, rows, cols));
        }
    }

    /** dy − Σ dy·y cancels; the error scales with the terms, not with the difference. */
    static double[] gradScale(float[] y, float[] dy, int rows, int cols) {
        double[] scale = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double dot = 0;
            for (int c = 0; c < cols; c++) {
                dot += Math.abs(dy[r * cols + c] * y[r * cols + c]);
            }
            for (int c = 0; c < cols; c++) {
                scale[r * cols + c] = y[r * cols + c] * (Math.abs(dy[r * cols + c]) + dot);
            }
        }
        return scale;
    }

    @Test
    void crossEntropyMatchesReferenceSparseAndDense() {
        Random rnd = new Random(3);
        for (int cols : ElementwiseTest.SIZES) {
            for (boolean huge : new boolean[] {false, true}) {
                for (boolean sparse : new boolean[] {true, false}) {
                    int rows = 6;
                    float[] z = logits(rnd, rows * cols, huge);
                    float[] t = sparse ? new float[rows] : new float[rows * cols];
                    for (int r = 0; r < rows; r++) {
                        int cls = rnd.nextInt(cols);
                        if (sparse) {
                            t[r] = cls;
                        } else {
                            float[] p = Close.random(rnd, cols, 0f, 1f);
                            double s = 0;
                            for (float v : p) {
                                s += v;
                            }
                            for (int c = 0; c < cols; c++) {
                                t[r * cols + c] = (float) (p[c] / s);
                            }
                        }
                    }
                    float[] wantP = new float[rows * cols];
                    float[] gotP = new float[rows * cols];
                    float[] wantL = new float[rows];
                    float[] gotL = new float[rows];
                    reference.softmaxCrossEntropy(z, t, sparse, wantP, wantL, rows, cols);
                    vector.softmaxCrossEntropy(z, t, sparse, gotP, gotL, rows, cols);
                    String what = "cross-entropy cols " + cols + " huge " + huge + " sparse " + sparse;
                    finite(what + " probs", gotP);
                    finite(what + " loss", gotL);
                    Close.relative(what + " probs", wantP, gotP);
                    Close.within(what + " loss", wantL, gotL, logScale(wantL));
                }
            }
        }
    }

    /**
     * Rows of at most 16 columns go 16 at a time (SoftmaxKernels.NARROW), a lane per row: the same
     * bits as each row computed alone, whatever the row holds (huge logits, −∞, NaN, +∞, ties), on
     * one thread and on two; and close to the reference where the logits are finite. 37 rows make
     * two blocks and five rows after them; 300 rows on two threads make two parts of 150.
     */
    @Test
    void narrowRowsInBlocksAreTheRowsComputedAlone() {
        Random rnd = new Random(8);
        try (VectorBackend two = new VectorBackend(2)) {
            for (int cols : new int[] {1, 2, 10, 15, 16}) {
                for (int rows : new int[] {37, 300}) {
                    float[] z = logits(rnd, rows * cols, false);
                    float[] t = new float[rows];
                    for (int r = 0; r < rows; r++) {
                        t[r] = rnd.nextInt(cols);
                    }
                    String what = rows + "x" + cols;
                    float[] clean = z.clone();
                    checkAgainstReference(what, clean, t, rows, cols);
                    for (int i = 3 * cols; i < 4 * cols; i++) {
                        z[i] = z[i] > 0 ? 1000f + z[i] : -1000f + z[i];
                    }
                    z[20 * cols] = Float.NEGATIVE_INFINITY;
                    z[21 * cols + cols - 1] = Float.NaN;
                    Arrays.fill(z, 22 * cols, 23 * cols, 0.5f);
                    z[24 * cols] = Float.POSITIVE_INFINITY;
                    float[] targets = t.clone();
                    float[] dense = new float[rows * cols];
                    for (int r = 0; r < rows; r++) {
                        dense[r * cols + (int) t[r]] = 1f;
                    }
                    for (VectorBackend be : new VectorBackend[] {vector, two}) {
                        String on = what + " on " + be.threads() + " thread(s)";
                        float[] y = new float[rows * cols];
                        be.softmax(z, y, rows, cols);
                        float[] pSparse = new float[rows * cols];
                        float[] lSparse = new float[rows];
                        be.softmaxCrossEntropy(z, targets, true, pSparse, lSparse, rows, cols);
                        float[] pDense = new float[rows * cols];
                        float[] lDense = new float[rows];
                        be.softmaxCrossEntropy(z, dense, false, pDense, lDense, rows, cols);
                        for (int r = 0; r < rows; r++) {
                            int o = r * cols;
                            float[] zr = Arrays.copyOfRange(z, o, o + cols);
                            float[] yr = new float[cols];
                            vector.softmax(zr, yr, 1, cols);
                            assertArrayEquals(yr, Arrays.copyOfRange(y, o, o + cols), 0f, "softmax " + on + " row " + r);
                            float[] pr = new float[cols];
                            float[] lr = new float[1];
                            vector.softmaxCrossEntropy(zr, new float[] {targets[r]}, true, pr, lr, 1, cols);
                            assertArrayEquals(pr, Arrays.copyOfRange(pSparse, o, o + cols), 0f,
                                    "sparse cross-entropy probs " + on + " row " + r);
                            assertArrayEquals(lr, new float[] {lSparse[r]}, 0f, "sparse cross-entropy " + on + " row " + r);
                            vector.softmaxCrossEntropy(zr, Arrays.copyOfRange(dense, o, o + cols), false, pr, lr, 1, cols);
                            assertArrayEquals(pr, Arrays.copyOfRange(pDense, o, o + cols), 0f,
                                    "dense cross-entropy probs " + on + " row " + r);
                            assertArrayEquals(lr, new float[] {lDense[r]}, 0f, "dense cross-entropy " + on + " row " + r);
                        }
                    }
                }
            }
        }
    }

    private void checkAgainstReference(String what, float[] z, float[] t, int rows, int cols) {
        float[] want = new float[rows * cols];
        float[] got = new float[rows * cols];
        reference.softmax(z, want, rows, cols);
        vector.softmax(z, got, rows, cols);
        Close.relative("softmax " + what, want, got);
        float[] wantL = new float[rows];
        float[] gotL = new float[rows];
        reference.softmaxCrossEntropy(z, t, true, want, wantL, rows, cols);
        vector.softmaxCrossEntropy(z, t, true, got, gotL, rows, cols);
        Close.relative("cross-entropy probs " + what, want, got);
        Close.within("cross-entropy " + what, wantL, gotL, logScale(wantL));
    }
}
