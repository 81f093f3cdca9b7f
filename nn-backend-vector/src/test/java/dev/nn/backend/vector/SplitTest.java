package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.ReferenceBackend;
import dev.nn.api.backend.UnaryOp;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kernels that split over the pool give the same bits on 2 threads as on 1, at sizes either
 * side of where each starts to split ({@link Slices#SERIAL_WORK} over its cost an element or a
 * row) and at odd sizes whose last slice ends in a partial vector, and stay as close to the
 * reference as the serial kernels must.
 */
class SplitTest {


    static VectorBackend one;
    static VectorBackend two;
    final ReferenceBackend reference = new ReferenceBackend();

    @BeforeAll
    static void open() {
        one = new VectorBackend(1);
        two = new VectorBackend(2);
    }

    @AfterAll
    static void close() {
        one.close();
        two.close();
    }

    /** One kernel call on the given backend into fresh outputs, which it returns. */
    private interface Call {
        float[][] on(Backend be);
    }

    /**
     * The call's outputs on 2 threads, after checking they equal those on 1 thread bit for bit, in
     * the first round: lane sums are added in a fixed order (Lanes.sum), so a row gives the same
     * bits on the caller and the worker whether or not the JIT has compiled the kernel yet.
     */
    private static float[][] sameOnOneAndTwo(String what, Call call) {
        float[][] want = call.on(one);
        float[][] got = call.on(two);
        for (int i = 0; i < got.length; i++) {
            assertArrayEquals(want[i], got[i], 0f, what + " (output " + i + "): 1 and 2 threads differ");
        }
        return got;
    }

    /** Item counts around the first that splits, for a kernel costing {@code cost} an item. */
    private static int[] sizes(long cost) {
        int t = (int) ((Slices.SERIAL_WORK + cost - 1) / cost);
        return new int[] {t - 1, t, t + 1, t + Lanes.L + 3, 3 * t + 7};
    }

    private static int roundUp(int n, int unit) {
        return (n + unit - 1) / unit * unit;
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void unaryAndItsGradient(UnaryOp op) {
        Random rnd = new Random(op.ordinal());
        float alpha = op.hasAlpha() ? 0.3f : 0f;
        for (int n : sizes(ParallelUnary.cost(op, false))) {
            float[] x = ElementwiseTest.input(op, rnd, n);
            float[] want = new float[n];
            reference.unary(op, alpha, x, want, n);
            float[] got = sameOnOneAndTwo(op + " n " + n, be -> {
                float[] y = new float[n];
                be.unary(op, alpha, x, y, n);
                return new float[][] {y};
            })[0];
            Close.relative(op + " n " + n, want, got);
        }
        for (int n : sizes(ParallelUnary.cost(op, true))) {
            float[] x = ElementwiseTest.input(op, rnd, n);
            float[] y = new float[n];
            reference.unary(op, alpha, x, y, n);
            float[] dy = Close.random(rnd, n, -2f, 2f);
            float[] wantDx = new float[n];
            reference.unaryGrad(op, alpha, x, y, dy, wantDx, n);
            float[] gotDx = sameOnOneAndTwo(op + "' n " + n, be -> {
                float[] dx = new float[n];
                be.unaryGrad(op, alpha, x, y, dy, dx, n);
                return new float[][] {dx};
            })[0];
            Close.relative(op + "' n " + n, wantDx, gotDx);
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void binaryWithEveryBroadcastAndScalar(BinaryOp op) {
        Random rnd = new Random(200 + op.ordinal());
        for (int size : sizes(1)) {
            for (int bLength : new int[] {1, 17, 300, size}) {
                int n = roundUp(size, bLength);
                float[] a = Close.random(rnd, n, -5f, 5f);
                float[] b = Close.random(rnd, bLength, 0.5f, 5f);
                float[] want = new float[n];
                reference.binary(op, a, b, want, n, bLength);
                String what = op + " n " + n + " bLength " + bLength;
                float[] got = sameOnOneAndTwo(what, be -> {
                    float[] out = new float[n];
                    be.binary(op, a, b, out, n, bLength);
                    return new float[][] {out};
                })[0];
                assertArrayEquals(want, got, 0f, what + ": differs from the reference");
            }
            float[] a = Close.random(rnd, size, -5f, 5f);
            float s = 0.5f + rnd.nextFloat();
            float[] want = new float[size];
            reference.binaryScalar(op, a, s, want, size);
            float[] got = sameOnOneAndTwo(op + " scalar n " + size, be -> {
                float[] out = new float[size];
                be.binaryScalar(op, a, s, out, size);
                return new float[][] {out};
            })[0];
            assertArrayEquals(want, got, 0f, op + " scalar n " + size + ": differs from the reference");
        }
    }

    /** One update of weights and two state arrays, in place. */
    private interface Step {
        void run(Backend be, float[] w, float[] g, float[] s1, float[] s2, int n);
    }

    /** Three steps from the same state: 1 thread, 2 threads and the reference end with the same bits. */
    private void sameSteps(String what, int cost, Step step) {
        Random rnd = new Random(what.hashCode());
        for (int n : sizes(cost)) {
            float[] w = Close.random(rnd, n, -1f, 1f);
            float[] g = Close.random(rnd, n, -1f, 1f);
            float[] s1 = Close.random(rnd, n, 0f, 1f);
            float[] s2 = Close.random(rnd, n, 0f, 1f);
            Call steps = be -> {
                float[][] state = {w.clone(), s1.clone(), s2.clone()};
                for (int it = 0; it < 3; it++) {
                    step.run(be, state[0], g, state[1], state[2], n);
                }
                return state;
            };
            float[][] want = steps.on(reference);
            float[][] got = sameOnOneAndTwo(what + " n " + n, steps);
            for (int i = 0; i < want.length; i++) {
                assertArrayEquals(want[i], got[i], 0f, what + " n " + n + " (array " + i + "): differs from the reference");
            }
        }
    }

    @Test
    void optimizerSteps() {
        sameSteps("sgd", 1, (be, w, g, s1, s2, n) -> be.sgdUpdate(w, g, null, n, 0.1f, 0f, false));
        sameSteps("momentum", 1, (be, w, g, s1, s2, n) -> be.sgdUpdate(w, g, s1, n, 0.1f, 0.9f, false));
        sameSteps("nesterov", 1, (be, w, g, s1, s2, n) -> be.sgdUpdate(w, g, s1, n, 0.1f, 0.9f, true));
        sameSteps("adam", ParallelOptimizer.ROOT_COST, (be, w, g, s1, s2, n) -> be.adamUpdate(w, g, s1, s2, n, 0.001f, 0.9f, 0.999f, 1e-7f));
        sameSteps("rmsprop", ParallelOptimizer.ROOT_COST, (be, w, g, s1, s2, n) -> be.rmspropUpdate(w, g, s1, n, 0.01f, 0.9f, 1e-7f));
        sameSteps("adagrad", ParallelOptimizer.ROOT_COST, (be, w, g, s1, s2, n) -> be.adagradUpdate(w, g, s1, n, 0.01f, 1e-7f));
    }

    @Test
    void softmaxKernelsByRows() {
        Random rnd = new Random(5);
        for (int cols : new int[] {10, 17, 300}) {
            for (int rows : sizes(ParallelSoftmax.work(1, cols))) {
                int n = rows * cols;
                float[] z = Close.random(rnd, n, -4f, 4f);
                float[] dy = Close.random(rnd, n, -1f, 1f);
                float[] labels = new float[rows];
                for (int r = 0; r < rows; r++) {
                    labels[r] = rnd.nextInt(cols);
                }
                String what = rows + "x" + cols;

                float[] want = new float[n];
                reference.softmax(z, want, rows, cols);
                float[] y = sameOnOneAndTwo("softmax " + what, be -> {
                    float[] out = new float[n];
                    be.softmax(z, out, rows, cols);
                    return new float[][] {out};
                })[0];
                Close.relative("softmax " + what, want, y);

                reference.logSoftmax(z, want, rows, cols);
                float[] logY = sameOnOneAndTwo("logSoftmax " + what, be -> {
                    float[] out = new float[n];
                    be.logSoftmax(z, out, rows, cols);
                    return new float[][] {out};
                })[0];
                Close.within("logSoftmax " + what, want, logY, SoftmaxTest.logScale(want));

                reference.softmaxGrad(y, dy, want, rows, cols);
                float[] dx = sameOnOneAndTwo("softmaxGrad " + what, be -> {
                    float[] out = new float[n];
                    be.softmaxGrad(y, dy, out, rows, cols);
                    return new float[][] {out};
                })[0];
                Close.within("softmaxGrad " + what, want, dx, SoftmaxTest.gradScale(y, dy, rows, cols));

                float[] wantLoss = new float[rows];
                reference.softmaxCrossEntropy(z, labels, true, want, wantLoss, rows, cols);
                float[][] got = sameOnOneAndTwo("cross-entropy " + what, be -> {
                    float[] probs = new float[n];
                    float[] loss = new float[rows];
                    be.softmaxCrossEntropy(z, labels, true, probs, loss, rows, cols);
                    return new float[][] {probs, loss};
                });
                Close.relative("cross-entropy probs " + what, want, got[0]);
                Close.within("cross-entropy loss " + what, wantLoss, got[1], SoftmaxTest.logScale(wantLoss));
            }
        }
    }

    @Test
    void sumRowsByColumnStrips() {
        Random rnd = new Random(6);
        for (int cols : new int[] {10, 17, 300, 1001}) {
            for (int size : sizes(1)) {
                int rows = (size + cols - 1) / cols;
                float[] x = Close.random(rnd, rows * cols, -3f, 3f);
                double[] scale = new double[cols];
                for (int i = 0; i < x.length; i++) {
                    scale[i % cols] += Math.abs(x[i]);
                }
                float[] want = new float[cols];
                reference.sumRows(x, want, rows, cols);
                float[] got = sameOnOneAndTwo("sumRows " + rows + "x" + cols, be -> {
                    float[] out = new float[cols];
                    be.sumRows(x, out, rows, cols);
                    return new float[][] {out};
                })[0];
                Close.within("sumRows " + rows + "x" + cols, want, got, scale);
                // each column is a float sum of its rows in order, however the strips are grouped
                float[] inOrder = new float[cols];
                for (int i = 0; i < x.length; i++) {
                    inOrder[i % cols] += x[i];
                }
                assertArrayEquals(inOrder, got, 0f, "sumRows " + rows + "x" + cols + ": not the rows' sum in order");
            }
        }
    }

    @Test
    void gatherRowsByRowRanges() {
        Random rnd = new Random(7);
        for (int rowSize : new int[] {1, 13, 70, 784}) { // 70: four rows at a time, with a tail
            for (int rows : sizes((long) ParallelGather.WORK_PER_FLOAT * rowSize)) {
                int total = rows + 5;
                float[] src = Close.random(rnd, total * rowSize, -3f, 3f);
                int[] index = new int[total + 2];
                for (int i = 0; i < index.length; i++) {
                    index[i] = rnd.nextInt(total);
                }
                float[] want = new float[rows * rowSize];
                reference.gatherRows(src, rowSize, index, 2, 2 + rows, want);
                for (int r = 0; r < rows; r++) {
                    assertArrayEquals(Arrays.copyOfRange(src, index[2 + r] * rowSize, (index[2 + r] + 1) * rowSize),
                            Arrays.copyOfRange(want, r * rowSize, (r + 1) * rowSize), 0f, "reference row " + r);
                }
                float[] got = sameOnOneAndTwo("gatherRows " + rows + "x" + rowSize, be -> {
                    float[] out = new float[rows * rowSize];
                    be.gatherRows(src, rowSize, index, 2, 2 + rows, out);
                    return new float[][] {out};
                })[0];
                assertArrayEquals(want, got, 0f, "gatherRows " + rows + "x" + rowSize);
            }
        }
    }
}
