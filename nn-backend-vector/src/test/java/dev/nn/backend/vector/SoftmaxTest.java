package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.backend.ReferenceBackend;
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
}
