package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The kernels that add lanes together give the same bits before and after the JIT compiles them.
 * {@code reduceLanes(ADD)} did not (its order is left open, and the compiled order differed from
 * the interpreter's), so two runs of the same training differed in the last digits depending on
 * when each kernel was compiled.
 */
class ColdAndCompiledTest {

    private record Outputs(float[] softmax, float[] logSoftmax, float[] probs, float[] loss, float[] grad, double sum) {
    }

    private static Outputs run(VectorBackend be, float[] z, float[] t, float[] dy, int rows, int cols) {
        int n = rows * cols;
        float[] softmax = new float[n];
        float[] logSoftmax = new float[n];
        float[] probs = new float[n];
        float[] loss = new float[rows];
        float[] grad = new float[n];
        be.softmax(z, softmax, rows, cols);
        be.logSoftmax(z, logSoftmax, rows, cols);
        be.softmaxCrossEntropy(z, t, false, probs, loss, rows, cols);
        be.softmaxGrad(softmax, dy, grad, rows, cols);
        return new Outputs(softmax, logSoftmax, probs, loss, grad, be.sum(z, n));
    }

    @Test
    void sumsKeepTheirBitsOnceCompiled() {
        int rows = 7;
        int cols = 37;
        Random rnd = new Random(5);
        float[] z = Close.random(rnd, rows * cols, -6f, 6f);
        float[] dy = Close.random(rnd, rows * cols, -1f, 1f);
        float[] t = Close.random(rnd, rows * cols, 0f, 1f);
        try (VectorBackend be = new VectorBackend(1)) {
            Outputs cold = run(be, z, t, dy, rows, cols);
            Outputs warm = cold;
            for (int i = 0; i < 30_000; i++) {
                warm = run(be, z, t, dy, rows, cols);
            }
            Outputs w = warm;
            assertAll(
                    () -> assertArrayEquals(cold.softmax(), w.softmax(), "softmax"),
                    () -> assertArrayEquals(cold.logSoftmax(), w.logSoftmax(), "logSoftmax"),
                    () -> assertArrayEquals(cold.probs(), w.probs(), "cross-entropy probabilities"),
                    () -> assertArrayEquals(cold.loss(), w.loss(), "cross-entropy loss"),
                    () -> assertArrayEquals(cold.grad(), w.grad(), "softmax gradient"),
                    () -> assertEquals(cold.sum(), w.sum(), "sum"));
        }
    }
}
