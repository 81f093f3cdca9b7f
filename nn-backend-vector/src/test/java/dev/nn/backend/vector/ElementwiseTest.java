package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.ReferenceBackend;
import dev.nn.api.backend.UnaryOp;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ElementwiseTest {

    static final int[] SIZES = {1, 3, 15, 16, 17, 33, 255, 784};
    static final float[] ALPHAS = {0.01f, 0.3f, 1f, 1.7f};

    static VectorBackend vector;
    final ReferenceBackend reference = new ReferenceBackend();

    @BeforeAll
    static void open() {
        vector = new VectorBackend(2);
    }

    @AfterAll
    static void close() {
        vector.close();
    }

    /** Inputs in each op's domain: positive for log and sqrt, spanning both signs otherwise. */
    static float[] input(UnaryOp op, Random rnd, int n) {
        boolean positive = op == UnaryOp.LOG || op == UnaryOp.SQRT;
        float[] x = positive ? Close.random(rnd, n, 1e-3f, 20f) : Close.random(rnd, n, -12f, 12f);
        if (!positive && n > 2) {
            x[0] = 0f;
            x[1] = -0f;
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryForwardMatchesReference(UnaryOp op) {
        Random rnd = new Random(op.ordinal());
        for (int n : SIZES) {
            for (float alpha : op.hasAlpha() ? ALPHAS : new float[] {0f}) {
                float[] x = input(op, rnd, n);
                float[] want = new float[n];
                float[] got = new float[n];
                reference.unary(op, alpha, x, want, n);
                vector.unary(op, alpha, x, got, n);
                Close.relative(op + " alpha " + alpha + " n " + n, want, got);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryGradMatchesReference(UnaryOp op) {
        Random rnd = new Random(100 + op.ordinal());
        for (int n : SIZES) {
            for (float alpha : op.hasAlpha() ? ALPHAS : new float[] {0f}) {
                float[] x = input(op, rnd, n);
                float[] y = new float[n];
                reference.unary(op, alpha, x, y, n);
                float[] dy = Close.random(rnd, n, -2f, 2f);
                float[] want = new float[n];
                float[] got = new float[n];
                reference.unaryGrad(op, alpha, x, y, dy, want, n);
                vector.unaryGrad(op, alpha, x, y, dy, got, n);
                Close.relative(op + "' alpha " + alpha + " n " + n, want, got);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryIsBitIdenticalWithBroadcasting(BinaryOp op) {
        Random rnd = new Random(200 + op.ordinal());
        for (int n : SIZES) {
            for (int rows : new int[] {1, 3}) {
                float[] a = Close.random(rnd, n * rows, -5f, 5f);
                float[] b = Close.random(rnd, n, 0.5f, 5f);
                for (int bLength : new int[] {n, 1}) {
                    float[] want = new float[n * rows];
                    float[] got = new float[n * rows];
                    reference.binary(op, a, b, want, n * rows, bLength);
                    vector.binary(op, a, b, got, n * rows, bLength);
                    assertArrayEquals(want, got, 0f, op + " n " + n + " rows " + rows + " bLength " + bLength);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryScalarIsBitIdentical(BinaryOp op) {
        Random rnd = new Random(300 + op.ordinal());
        for (int n : SIZES) {
            float[] a = Close.random(rnd, n, -5f, 5f);
            float s = 0.5f + rnd.nextFloat();
            float[] want = new float[n];
            float[] got = new float[n];
            reference.binaryScalar(op, a, s, want, n);
            vector.binaryScalar(op, a, s, got, n);
            assertArrayEquals(want, got, 0f, op + " n " + n);
        }
    }
}
