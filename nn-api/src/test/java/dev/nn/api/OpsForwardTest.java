package dev.nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.backend.UnaryOp;
import dev.nn.api.testing.TestData;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Forward values of the ops against plain Java loops, extreme inputs, and error messages. */
class OpsForwardTest {

    private static final float TOL = 1e-5f;
    private final TestData data = new TestData(31337);

    // ---- matmul and dense ------------------------------------------------------------------

    /** (m, k) · (k, n) by the textbook triple loop, in double. */
    private static float[] matmulLoop(float[] a, float[] b, int m, int k, int n) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = (float) s;
            }
        }
        return c;
    }

    @Test
    void matmulRank2() {
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new float[][] {{7, 8}, {9, 10}, {11, 12}});
        Tensor c = Ops.matmul(a, b);
        assertArrayEquals(new int[] {2, 2}, c.shape());
        assertArrayEquals(new float[] {58, 64, 139, 154}, c.toArray());
    }

    @Test
    void matmulRank3ByRank2TreatsLeadingAxesAsRows() {
        Tensor a = data.uniform(-1, 1, 2, 3, 5);
        Tensor b = data.uniform(-1, 1, 5, 4);
        Tensor c = Ops.matmul(a, b);
        assertArrayEquals(new int[] {2, 3, 4}, c.shape());
        assertArrayEquals(matmulLoop(a.toArray(), b.toArray(), 6, 5, 4), c.toArray(), TOL);
    }

    @Test
    void matmulShapeErrorNamesBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Ops.matmul(Tensor.zeros(2, 3), Tensor.zeros(4, 5)));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4, 5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.matmul(Tensor.zeros(2, 3), Tensor.zeros(2, 3, 4)));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(2, 3, 4)"), e.getMessage());
    }

    static Stream<Arguments> fusable() {
        return Stream.of(Arguments.of(UnaryOp.IDENTITY, 0f), Arguments.of(UnaryOp.RELU, 0f),
                Arguments.of(UnaryOp.LEAKY_RELU, 0.1f), Arguments.of(UnaryOp.ELU, 1f), Arguments.of(UnaryOp.SELU, 0f),
                Arguments.of(UnaryOp.SIGMOID, 0f), Arguments.of(UnaryOp.TANH, 0f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fusable")
    void denseIsActivationOfMatmulPlusBias(UnaryOp act, float alpha) {
        Tensor x = data.uniform(-2, 2, 4, 3);
        Tensor w = data.uniform(-1, 1, 3, 5);
        Tensor b = data.uniform(-1, 1, 5);
        float[] z = matmulLoop(x.toArray(), w.toArray(), 4, 3, 5);
        float[] withBias = new float[20];
        float[] noBias = new float[20];
        for (int i = 0; i < 20; i++) {
            withBias[i] = act.apply(z[i] + b.toArray()[i % 5], alpha);
            noBias[i] = act.apply(z[i], alpha);
        }
        assertArrayEquals(withBias, Ops.dense(x, w, b, act, alpha).toArray(), TOL);
        assertArrayEquals(noBias, Ops.dense(x, w, null, act, alpha).toArray(), TOL);
    }

    @Test
    void denseRefusesActivationsItCannotFuse() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Ops.dense(Tensor.zeros(2, 3), Tensor.zeros(3, 4), null, UnaryOp.SOFTPLUS, 0f));
        assertTrue(e.getMessage().contains("SOFTPLUS"), e.getMessage());
    }

    @Test
    void denseShapeErrorsNameTheShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Ops.dense(Tensor.zeros(2, 3), Tensor.zeros(4, 5), null, UnaryOp.IDENTITY, 0f));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4, 5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.dense(Tensor.zeros(2, 3), Tensor.zeros(3, 5), Tensor.zeros(4), UnaryOp.IDENTITY, 0f));
        assertTrue(e.getMessage().contains("(4,)") && e.getMessage().contains("5 units"), e.getMessage());
    }

    // ---- broadcasting binary ops -----------------------------------------------------------

    /** NumPy broadcasting, one output element at a time by index arithmetic. */
    private static float[] broadcastLoop(Tensor a, Tensor b, int[] out, DoubleBinaryOperator op) {
        int n = 1;
        for (int d : out) {
            n *= d;
        }
        float[] r = new float[n];
        int[] idx = new int[out.length];
        for (int flat = 0; flat < n; flat++) {
            int rem = flat;
            for (int ax = out.length - 1; ax >= 0; ax--) {
                idx[ax] = rem % out[ax];
                rem /= out[ax];
            }
            r[flat] = (float) op.applyAsDouble(at(a, idx), at(b, idx));
        }
        return r;
    }

    private static float at(Tensor t, int[] outIdx) {
        int[] s = t.shape();
        int[] i = new int[s.length];
        for (int ax = 0; ax < s.length; ax++) {
            int o = outIdx[outIdx.length - s.length + ax];
            i[ax] = s[ax] == 1 ? 0 : o;
        }
        return t.get(i);
    }

    static Stream<Arguments> broadcasts() {
        return Stream.of(
                Arguments.of(new int[] {3, 4}, new int[] {3, 4}, new int[] {3, 4}),
                Arguments.of(new int[] {3, 4}, new int[] {4}, new int[] {3, 4}),
                Arguments.of(new int[] {4}, new int[] {3, 4}, new int[] {3, 4}),
                Arguments.of(new int[] {3, 1}, new int[] {3, 4}, new int[] {3, 4}),
                Arguments.of(new int[] {3, 4}, new int[] {3, 1}, new int[] {3, 4}),
                Arguments.of(new int[] {3, 4}, new int[] {}, new int[] {3, 4}),
                Arguments.of(new int[] {}, new int[] {3, 4}, new int[] {3, 4}),
                Arguments.of(new int[] {2, 3, 4}, new int[] {3, 1}, new int[] {2, 3, 4}),
                Arguments.of(new int[] {2, 1, 4}, new int[] {2, 3, 1}, new int[] {2, 3, 4}),
                Arguments.of(new int[] {3, 1}, new int[] {1, 4}, new int[] {3, 4}),
                Arguments.of(new int[] {1, 4}, new int[] {3, 1}, new int[] {3, 4}),
                Arguments.of(new int[] {2, 3, 4}, new int[] {1, 1, 1}, new int[] {2, 3, 4}),
                Arguments.of(new int[] {1}, new int[] {2, 3}, new int[] {2, 3}));
    }

    @ParameterizedTest(name = "{0} op {1}")
    @MethodSource("broadcasts")
    void binaryOpsBroadcastLikeNumPy(int[] as, int[] bs, int[] out) {
        Tensor a = data.uniform(-2, 2, as);
        Tensor b = data.awayFromZero(0.5f, 2, bs);
        List<BinaryOperator<Tensor>> ops = List.of(Ops::add, Ops::sub, Ops::mul, Ops::div);
        List<DoubleBinaryOperator> refs = List.of((x, y) -> x + y, (x, y) -> x - y, (x, y) -> x * y, (x, y) -> x / y);
        for (int i = 0; i < ops.size(); i++) {
            Tensor c = ops.get(i).apply(a, b);
            assertArrayEquals(out, c.shape());
            assertArrayEquals(broadcastLoop(a, b, out, refs.get(i)), c.toArray(), TOL, "op " + i);
        }
    }

    @Test
    void scalarShortcuts() {
        assertArrayEquals(new float[] {4, 5}, Ops.add(Tensor.vector(1, 2), 3f).toArray());
        assertArrayEquals(new float[] {-2, -4}, Ops.mul(Tensor.vector(1, 2), -2f).toArray());
    }

    @Test
    void broadcastErrorNamesBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ops.add(Tensor.zeros(2, 3), Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.mul(Tensor.zeros(2, 3, 4), Tensor.zeros(3, 2, 1)));
        assertTrue(e.getMessage().contains("(2, 3, 4)") && e.getMessage().contains("(3, 2, 1)"), e.getMessage());
        assertTrue(e.getMessage().startsWith("mul"), e.getMessage());
    }

    // ---- element-wise functions ------------------------------------------------------------

    @Test
    void unaryFunctionsMatchJavaMath() {
        float[] x = {-2.5f, -0.5f, 0f, 0.5f, 2.5f};
        assertValues(x, Ops.relu(Tensor.vector(x)), v -> Math.max(v, 0));
        assertValues(x, Ops.leakyRelu(Tensor.vector(x), 0.2f), v -> v > 0 ? v : 0.2 * v);
        assertValues(x, Ops.elu(Tensor.vector(x), 0.7f), v -> v > 0 ? v : 0.7 * Math.expm1(v));
        assertValues(x, Ops.selu(Tensor.vector(x)),
                v -> 1.0507009873554805 * (v > 0 ? v : 1.6732632423543772 * Math.expm1(v)));
        assertValues(x, Ops.sigmoid(Tensor.vector(x)), v -> 1 / (1 + Math.exp(-v)));
        assertValues(x, Ops.tanh(Tensor.vector(x)), Math::tanh);
        assertValues(x, Ops.softplus(Tensor.vector(x)), v -> Math.log(1 + Math.exp(v)));
        assertValues(x, Ops.heaviside(Tensor.vector(x)), v -> v >= 0 ? 1 : 0);
        assertValues(x, Ops.exp(Tensor.vector(x)), Math::exp);
        assertValues(x, Ops.neg(Tensor.vector(x)), v -> -v);
        assertValues(x, Ops.square(Tensor.vector(x)), v -> v * v);
        assertValues(x, Ops.abs(Tensor.vector(x)), Math::abs);
        assertValues(x, Ops.huber(Tensor.vector(x), 1f), v -> Math.abs(v) <= 1 ? 0.5 * v * v : Math.abs(v) - 0.5);
        assertValues(x, Ops.clip(Tensor.vector(x), -1f, 1f), v -> Math.max(-1, Math.min(1, v)));
        float[] pos = {0.1f, 1f, 4f, 100f};
        assertValues(pos, Ops.log(Tensor.vector(pos)), Math::log);
        assertValues(pos, Ops.sqrt(Tensor.vector(pos)), Math::sqrt);
    }

    private static void assertValues(float[] x, Tensor y, java.util.function.DoubleUnaryOperator f) {
        float[] want = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            want[i] = (float) f.applyAsDouble(x[i]);
        }
        assertArrayEquals(want, y.toArray(), TOL);
    }

    @Test
    void sigmoidAndSoftplusSaturateWithoutOverflow() {
        Tensor x = Tensor.vector(-100f, 100f, -1000f, 1000f);
        assertArrayEquals(new float[] {0f, 1f, 0f, 1f}, Ops.sigmoid(x).toArray(), 1e-30f);
        assertTrue(Ops.sigmoid(Tensor.vector(-100f)).item() > 0f, "sigmoid(-100) keeps a tiny positive value");
        assertArrayEquals(new float[] {0f, 100f, 0f, 1000f}, Ops.softplus(x).toArray(), 1e-6f);
        assertArrayEquals(new float[] {-1f, 1f, -1f, 1f}, Ops.tanh(x).toArray());
    }

    // ---- softmax and cross-entropies -------------------------------------------------------

    @Test
    void softmaxRowsMatchTheDefinition() {
        Tensor x = data.uniform(-3, 3, 3, 4);
        float[] v = x.toArray();
        float[] want = new float[12];
        float[] wantLog = new float[12];
        for (int r = 0; r < 3; r++) {
            double z = 0;
            for (int c = 0; c < 4; c++) {
                z += Math.exp(v[r * 4 + c]);
            }
            for (int c = 0; c < 4; c++) {
                want[r * 4 + c] = (float) (Math.exp(v[r * 4 + c]) / z);
                wantLog[r * 4 + c] = (float) (v[r * 4 + c] - Math.log(z));
            }
        }
        assertArrayEquals(want, Ops.softmax(x).toArray(), TOL);
        assertArrayEquals(wantLog, Ops.logSoftmax(x).toArray(), TOL);
    }

    @Test
    void softmaxOfHugeLogitsIsFinite() {
        Tensor x = Tensor.of(new float[][] {{1000f, -1000f, 0f}, {1000f, 1000f, -1000f}, {-1000f, -1000f, -1000f}});
        assertArrayEquals(new float[] {1, 0, 0, 0.5f, 0.5f, 0, 1 / 3f, 1 / 3f, 1 / 3f}, Ops.softmax(x).toArray(), TOL);
        float[] log = Ops.logSoftmax(x).toArray();
        assertArrayEquals(new float[] {0, -2000, -1000}, new float[] {log[0], log[1], log[2]}, TOL);
        for (float v : log) {
            assertTrue(Float.isFinite(v), "log-softmax " + v);
        }
    }

    @Test
    void softmaxCrossEntropyMatchesTheDefinition() {
        Tensor logits = data.uniform(-3, 3, 4, 5);
        Tensor labels = data.labels(4, 5);
        Tensor logP = Ops.logSoftmax(logits);
        float[] want = new float[4];
        for (int r = 0; r < 4; r++) {
            want[r] = -logP.get(r, (int) labels.get(r));
        }
        assertArrayEquals(want, Ops.softmaxCrossEntropy(logits, labels, true).toArray(), TOL);
        assertArrayEquals(want, Ops.softmaxCrossEntropy(logits, TestData.oneHot(labels, 5), false).toArray(), TOL);

        Tensor soft = data.probabilities(4, 5);
        for (int r = 0; r < 4; r++) {
            double s = 0;
            for (int c = 0; c < 5; c++) {
                s -= soft.get(r, c) * logP.get(r, c);
            }
            want[r] = (float) s;
        }
        assertArrayEquals(want, Ops.softmaxCrossEntropy(logits, soft, false).toArray(), TOL);
    }

    @Test
    void softmaxCrossEntropyOfHugeLogitsIsFinite() {
        Tensor logits = Tensor.of(new float[][] {{1000f, -1000f}, {1000f, -1000f}});
        Tensor labels = Tensor.vector(0f, 1f);
        assertArrayEquals(new float[] {0f, 2000f}, Ops.softmaxCrossEntropy(logits, labels, true).toArray(), TOL);
        Tensor oneHot = TestData.oneHot(labels, 2);
        assertArrayEquals(new float[] {0f, 2000f}, Ops.softmaxCrossEntropy(logits, oneHot, false).toArray(), TOL);
        float[] g = dev.nn.api.testing.GradientCheck
                .gradients(in -> Ops.softmaxCrossEntropy(in.get(0), oneHot, false), logits).get(0).toArray();
        assertArrayEquals(new float[] {0f, 0f, 1f, -1f}, g, TOL);
    }

    @Test
    void sigmoidCrossEntropyMatchesTheDefinitionAndStaysFinite() {
        Tensor z = Tensor.vector(-3f, -0.5f, 0f, 0.5f, 3f);
        Tensor t = Tensor.vector(1f, 0f, 1f, 0.3f, 0f);
        float[] want = new float[5];
        for (int i = 0; i < 5; i++) {
            double p = 1 / (1 + Math.exp(-z.get(i)));
            want[i] = (float) -(t.get(i) * Math.log(p) + (1 - t.get(i)) * Math.log(1 - p));
        }
        assertArrayEquals(want, Ops.sigmoidCrossEntropy(z, t).toArray(), TOL);

        Tensor huge = Tensor.vector(1000f, -1000f, 1000f, -1000f);
        Tensor ht = Tensor.vector(1f, 0f, 0f, 1f);
        assertArrayEquals(new float[] {0f, 0f, 1000f, 1000f}, Ops.sigmoidCrossEntropy(huge, ht).toArray(), TOL);
    }

    @Test
    void sparseLabelOutOfRangeNamesTheRow() {
        Tensor logits = Tensor.zeros(3, 4);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Ops.softmaxCrossEntropy(logits, Tensor.vector(0f, 3f, 4f), true));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("[0, 4)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.softmaxCrossEntropy(logits, Tensor.vector(-1f, 0f, 0f), true));
        assertTrue(e.getMessage().contains("row 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.softmaxCrossEntropy(logits, Tensor.vector(0f, 1.5f, 0f), true));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.softmaxCrossEntropy(logits, Tensor.vector(0f, Float.NaN, 0f), true));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void crossEntropyTargetShapeErrorsNameTheShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Ops.softmaxCrossEntropy(Tensor.zeros(3, 4), Tensor.vector(0f, 1f), true));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(2,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.softmaxCrossEntropy(Tensor.zeros(3, 4), Tensor.zeros(3, 5), false));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(3, 5)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.sigmoidCrossEntropy(Tensor.zeros(3, 4), Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(3,)"), e.getMessage());
    }

    // ---- reductions ------------------------------------------------------------------------

    @Test
    void sumAndMeanOfEverything() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals(0, Ops.sum(x).rank());
        assertEquals(21f, Ops.sum(x).item());
        assertEquals(3.5f, Ops.mean(x).item());
    }

    @Test
    void reductionsAlongEachAxisOfARank3Tensor() {
        Tensor x = data.uniform(-1, 1, 2, 3, 4);
        int[] s = {2, 3, 4};
        for (int axis = 0; axis < 3; axis++) {
            float[] want = new float[24 / s[axis]];
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 4; k++) {
                        int[] idx = {i, j, k};
                        idx[axis] = 0;
                        int o = axis == 0 ? j * 4 + k : axis == 1 ? i * 4 + k : i * 3 + j;
                        want[o] += x.get(i, j, k);
                    }
                }
            }
            int[] kept = s.clone();
            kept[axis] = 1;
            Tensor sum = Ops.sum(x, axis, false);
            assertEquals(2, sum.rank());
            assertArrayEquals(want, sum.toArray(), TOL, "sum along " + axis);
            assertArrayEquals(kept, Ops.sum(x, axis, true).shape());
            assertArrayEquals(want, Ops.sum(x, axis - 3, true).toArray(), TOL, "negative axis");
            float[] mean = want.clone();
            for (int i = 0; i < mean.length; i++) {
                mean[i] /= s[axis];
            }
            assertArrayEquals(mean, Ops.mean(x, axis, false).toArray(), TOL, "mean along " + axis);
            assertArrayEquals(kept, Ops.mean(x, axis, true).shape());
        }
    }

    @Test
    void reductionAxisOutOfRangeIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ops.sum(Tensor.zeros(2, 3), 2, false));
        assertTrue(e.getMessage().contains("axis 2") && e.getMessage().contains("(2, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ops.mean(Tensor.zeros(2, 3), -3, false));
    }

    // ---- shape ops -------------------------------------------------------------------------

    @Test
    void reshapeKeepsTheOrderAndInfersOneDimension() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor y = Ops.reshape(x, 3, -1);
        assertArrayEquals(new int[] {3, 2}, y.shape());
        assertArrayEquals(x.toArray(), y.toArray());
        assertArrayEquals(new int[] {6}, x.reshape(-1).shape());
        assertArrayEquals(new int[] {2, 12}, Ops.flatten(Tensor.zeros(2, 3, 4)).shape());
    }

    @Test
    void reshapeErrorsNameTheShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ops.reshape(Tensor.zeros(2, 3), 4, 2));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4, 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.reshape(Tensor.zeros(2, 3), 4, -1));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4, None)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.reshape(Tensor.zeros(2, 3), -1, -1));
        assertTrue(e.getMessage().contains("only one"), e.getMessage());
    }

    @Test
    void concatAlongEachAxis() {
        Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new float[][] {{5, 6}});
        Tensor c = Tensor.of(new float[][] {{7}, {8}});
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 1, 2, 3, 4},
                Ops.concat(List.of(a, b, a), 0).toArray());
        assertArrayEquals(new int[] {5, 2}, Ops.concat(List.of(a, b, a), 0).shape());
        assertArrayEquals(new float[] {1, 2, 7, 1, 2, 3, 4, 8, 3, 4}, Ops.concat(List.of(a, c, a), 1).toArray());
        assertArrayEquals(new float[] {1, 2, 7, 1, 2, 3, 4, 8, 3, 4}, Ops.concat(List.of(a, c, a), -1).toArray());
    }

    @Test
    void concatOfRank3AlongTheMiddleAxis() {
        Tensor a = data.uniform(-1, 1, 2, 1, 3);
        Tensor b = data.uniform(-1, 1, 2, 2, 3);
        Tensor c = Ops.concat(List.of(a, b), 1);
        assertArrayEquals(new int[] {2, 3, 3}, c.shape());
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(a.get(i, 0, k), c.get(i, 0, k));
                assertEquals(b.get(i, 0, k), c.get(i, 1, k));
                assertEquals(b.get(i, 1, k), c.get(i, 2, k));
            }
        }
    }

    @Test
    void concatErrors() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Ops.concat(List.of(Tensor.zeros(2, 3), Tensor.zeros(3, 3)), 1));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(3, 3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ops.concat(List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> Ops.concat(List.of(Tensor.zeros(2, 3)), 2));
    }

    @Test
    void concatRejectsInputsOfAnotherRank() {
        // (2, 3) and (3,) along axis 0 must not silently give a (5, 3) tensor padded with zeros.
        var e = assertThrows(IllegalArgumentException.class,
                () -> Ops.concat(List.of(Tensor.zeros(2, 3), Tensor.full(1f, 3)), 0));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(3,)"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Ops.concat(List.of(Tensor.zeros(2, 3), Tensor.zeros(2, 3, 1)), 0));
    }

    // ---- dropout ---------------------------------------------------------------------------

    @Test
    void dropoutScalesTheKeptElementsAndIsRepeatable() {
        Tensor x = data.uniform(1, 2, 1000);
        float[] y = Ops.dropout(x, 0.3f, new Random(5)).toArray();
        assertArrayEquals(y, Ops.dropout(x, 0.3f, new Random(5)).toArray());
        int dropped = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0f) {
                dropped++;
            } else {
                assertEquals(x.get(i) / 0.7f, y[i], 1e-5f);
            }
        }
        assertEquals(0.3, dropped / 1000.0, 0.05);
    }

    @Test
    void dropoutRateZeroIsIdentityAndRateOneIsRefused() {
        Tensor x = Tensor.vector(1, 2, 3);
        assertSame(x, Ops.dropout(x, 0f, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> Ops.dropout(x, 1f, new Random(1)));
    }

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class)
    void everyUnaryOpRunsThroughTheGenericEntryPoint(UnaryOp op) {
        float[] x = {0.5f, 1.5f, 2.5f};
        float[] want = new float[3];
        for (int i = 0; i < 3; i++) {
            want[i] = op.apply(x[i], 0.3f);
        }
        assertArrayEquals(want, Ops.unary(op, 0.3f, Tensor.vector(x)).toArray());
    }
}
