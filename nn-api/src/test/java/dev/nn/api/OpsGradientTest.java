package dev.nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.backend.UnaryOp;
import dev.nn.api.testing.GradientCheck;
import dev.nn.api.testing.TestData;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite-difference checks of the backward rule of every op in {@link Ops}. */
class OpsGradientTest {

    private final TestData data = new TestData(20240601);

    private static void check(Function<List<Tensor>, Tensor> f, Tensor... inputs) {
        GradientCheck.of(f).check(inputs);
    }

    // ---- linear algebra --------------------------------------------------------------------

    @Test
    void matmulRank2() {
        check(in -> Ops.matmul(in.get(0), in.get(1)), data.uniform(-1, 1, 3, 4), data.uniform(-1, 1, 4, 5));
    }

    @Test
    void matmulRank3ByRank2() {
        check(in -> Ops.matmul(in.get(0), in.get(1)), data.uniform(-1, 1, 2, 3, 4), data.uniform(-1, 1, 4, 5));
    }

    @Test
    void matmulVectorByMatrix() {
        check(in -> Ops.matmul(in.get(0), in.get(1)), data.uniform(-1, 1, 4), data.uniform(-1, 1, 4, 3));
    }

    /** Every activation the dense kernel can fuse, with its parameter. */
    static Stream<Arguments> fusableActivations() {
        return Stream.of(
                Arguments.of(UnaryOp.IDENTITY, 0f),
                Arguments.of(UnaryOp.RELU, 0f),
                Arguments.of(UnaryOp.LEAKY_RELU, 0.2f),
                Arguments.of(UnaryOp.ELU, 1.0f),
                Arguments.of(UnaryOp.ELU, 0.5f),
                Arguments.of(UnaryOp.SELU, 0f),
                Arguments.of(UnaryOp.SIGMOID, 0f),
                Arguments.of(UnaryOp.TANH, 0f));
    }

    @ParameterizedTest(name = "{0}({1}) with bias")
    @MethodSource("fusableActivations")
    void denseWithBias(UnaryOp act, float alpha) {
        Tensor[] xwb = denseInputsAwayFromKink(new int[] {3, 4}, 5, true);
        check(in -> Ops.dense(in.get(0), in.get(1), in.get(2), act, alpha), xwb);
    }

    @ParameterizedTest(name = "{0}({1}) without bias")
    @MethodSource("fusableActivations")
    void denseWithoutBias(UnaryOp act, float alpha) {
        Tensor[] xw = denseInputsAwayFromKink(new int[] {3, 4}, 5, false);
        check(in -> Ops.dense(in.get(0), in.get(1), null, act, alpha), xw);
    }

    @ParameterizedTest(name = "{0}({1}) on a rank-3 input")
    @MethodSource("fusableActivations")
    void denseOnRank3Input(UnaryOp act, float alpha) {
        Tensor[] xwb = denseInputsAwayFromKink(new int[] {2, 3, 4}, 2, true);
        check(in -> Ops.dense(in.get(0), in.get(1), in.get(2), act, alpha), xwb);
    }

    /**
     * x, w (and b) such that every pre-activation x·w + b is at least 0.1 from zero, where relu,
     * leaky relu, elu and selu have a kink that finite differences would straddle.
     */
    private Tensor[] denseInputsAwayFromKink(int[] xShape, int units, boolean bias) {
        int k = xShape[xShape.length - 1];
        for (int attempt = 0; attempt < 100; attempt++) {
            Tensor x = data.uniform(-1, 1, xShape);
            Tensor w = data.uniform(-1, 1, k, units);
            Tensor b = data.uniform(-0.5f, 0.5f, units);
            Tensor z = Ops.matmul(x, w);
            if (bias) {
                z = Ops.add(z, b);
            }
            boolean clear = true;
            for (float v : z.toArray()) {
                clear &= Math.abs(v) > 0.1f;
            }
            if (clear) {
                return bias ? new Tensor[] {x, w, b} : new Tensor[] {x, w};
            }
        }
        throw new IllegalStateException("no kink-free dense inputs found");
    }

    // ---- element-wise binary ops with broadcasting -----------------------------------------

    enum Binary {
        ADD(Ops::add), SUB(Ops::sub), MUL(Ops::mul), DIV(Ops::div);

        final java.util.function.BinaryOperator<Tensor> op;

        Binary(java.util.function.BinaryOperator<Tensor> op) {
            this.op = op;
        }
    }

    /** Shape pairs: same shapes, row, column, scalar and rank-3 broadcasts, either side. */
    static Stream<Arguments> broadcastCases() {
        int[][][] pairs = {
            {{3, 4}, {3, 4}},
            {{3, 4}, {4}},
            {{4}, {3, 4}},
            {{3, 1}, {3, 4}},
            {{3, 4}, {3, 1}},
            {{3, 4}, {}},
            {{}, {3, 4}},
            {{2, 3, 4}, {4}},
            {{2, 3, 4}, {3, 1}},
            {{2, 1, 4}, {2, 3, 1}},
            {{1, 3, 1}, {2, 1, 4}},
            {{2, 3, 4}, {1, 1, 1}},
        };
        return Stream.of(Binary.values()).flatMap(op -> Arrays.stream(pairs)
                .map(p -> Arguments.of(op, Shapes.str(p[0]), Shapes.str(p[1]), p[0], p[1])));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("broadcastCases")
    void binaryWithBroadcasting(Binary op, String aName, String bName, int[] as, int[] bs) {
        Tensor a = data.uniform(-2, 2, as);
        Tensor b = op == Binary.DIV ? data.awayFromZero(0.5f, 2f, bs) : data.uniform(-2, 2, bs);
        check(in -> op.op.apply(in.get(0), in.get(1)), a, b);
    }

    @Test
    void binaryWithBroadcastingUnderAPlainSum() {
        // Without the checker's weights, so mul's own rule is checked without relying on mul.
        GradientCheck.of(in -> Ops.mul(in.get(0), in.get(1))).plainSum()
                .check(data.uniform(-2, 2, 3, 1), data.uniform(-2, 2, 3, 4));
        GradientCheck.of(in -> Ops.div(in.get(0), in.get(1))).plainSum()
                .check(data.uniform(-2, 2, 4), data.awayFromZero(0.5f, 2f, 3, 4));
    }

    @Test
    void scalarShortcuts() {
        check(in -> Ops.add(in.get(0), 3f), data.uniform(-1, 1, 2, 3));
        check(in -> Ops.mul(in.get(0), -2.5f), data.uniform(-1, 1, 2, 3));
    }

    // ---- element-wise functions ------------------------------------------------------------

    record Unary(String name, Function<Tensor, Tensor> op, Function<TestData, Tensor> input) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Unary> unaryOps() {
        return Stream.of(
                new Unary("relu", Ops::relu, d -> d.awayFromZero(0.1f, 2f, 3, 4)),
                new Unary("leakyRelu(0.2)", x -> Ops.leakyRelu(x, 0.2f), d -> d.awayFromZero(0.1f, 2f, 3, 4)),
                new Unary("leakyRelu(-0.3)", x -> Ops.leakyRelu(x, -0.3f), d -> d.awayFromZero(0.1f, 2f, 3, 4)),
                new Unary("elu(1)", x -> Ops.elu(x, 1f), d -> d.awayFromZero(0.1f, 2f, 3, 4)),
                new Unary("elu(0.3)", x -> Ops.elu(x, 0.3f), d -> d.awayFromZero(0.1f, 2f, 3, 4)),
                new Unary("selu", Ops::selu, d -> d.awayFromZero(0.1f, 2f, 3, 4)),
                new Unary("sigmoid", Ops::sigmoid, d -> d.uniform(-4, 4, 3, 4)),
                new Unary("tanh", Ops::tanh, d -> d.uniform(-3, 3, 3, 4)),
                new Unary("softplus", Ops::softplus, d -> d.uniform(-4, 4, 3, 4)),
                new Unary("heaviside", Ops::heaviside, d -> d.awayFromZero(0.1f, 2f, 3, 4)),
                new Unary("exp", Ops::exp, d -> d.uniform(-2, 2, 3, 4)),
                new Unary("log", Ops::log, d -> d.uniform(0.2f, 3, 3, 4)),
                new Unary("neg", Ops::neg, d -> d.uniform(-2, 2, 3, 4)),
                new Unary("square", Ops::square, d -> d.uniform(-2, 2, 3, 4)),
                new Unary("sqrt", Ops::sqrt, d -> d.uniform(0.2f, 3, 3, 4)),
                new Unary("abs", Ops::abs, d -> d.awayFromZero(0.1f, 2f, 3, 4)),
                new Unary("huber(1)", x -> Ops.huber(x, 1f), d -> d.avoiding(1f, 0.1f, 3f, 3, 4)),
                new Unary("huber(0.5)", x -> Ops.huber(x, 0.5f), d -> d.avoiding(0.5f, 0.1f, 2f, 3, 4)),
                new Unary("clip(-1, 1)", x -> Ops.clip(x, -1f, 1f), d -> d.avoiding(1f, 0.1f, 2.5f, 3, 4)),
                new Unary("clip(0, 6)", x -> Ops.clip(x, 0f, 6f), d -> d.avoiding(6f, 0.2f, 8f, 3, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unaryOps")
    void unary(Unary u) {
        check(in -> u.op().apply(in.get(0)), u.input().apply(data));
    }

    @Test
    void heavisideGradientIsExactlyZero() {
        Tensor g = GradientCheck.gradients(in -> Ops.heaviside(in.get(0)), data.uniform(-2, 2, 3, 4)).get(0);
        assertArrayEquals(new float[12], g.toArray());
    }

    @Test
    void huberIsCheckedBothInsideAndOutsideDelta() {
        Tensor x = Tensor.vector(-2.5f, -0.7f, -0.2f, 0.3f, 0.9f, 1.6f, 3f);
        check(in -> Ops.huber(in.get(0), 1f), x);
        assertArrayEquals(new float[] {-1f, -0.7f, -0.2f, 0.3f, 0.9f, 1f, 1f},
                GradientCheck.gradients(in -> Ops.huber(in.get(0), 1f), x).get(0).toArray(), 1e-6f);
    }

    @Test
    void clipPassesGradientOnlyInside() {
        Tensor x = Tensor.vector(-3f, -0.5f, 0.5f, 3f);
        assertArrayEquals(new float[] {0f, 1f, 1f, 0f},
                GradientCheck.gradients(in -> Ops.clip(in.get(0), -1f, 1f), x).get(0).toArray());
    }

    // ---- softmax and cross-entropies -------------------------------------------------------

    @Test
    void softmax() {
        check(in -> Ops.softmax(in.get(0)), data.uniform(-3, 3, 3, 5));
        check(in -> Ops.softmax(in.get(0)), data.uniform(-3, 3, 2, 2, 4));
    }

    @Test
    void logSoftmax() {
        check(in -> Ops.logSoftmax(in.get(0)), data.uniform(-3, 3, 3, 5));
        check(in -> Ops.logSoftmax(in.get(0)), data.uniform(-3, 3, 2, 2, 4));
    }

    @Test
    void sparseSoftmaxCrossEntropy() {
        Tensor labels = data.labels(4, 5);
        check(in -> Ops.softmaxCrossEntropy(in.get(0), labels, true), data.uniform(-3, 3, 4, 5));
    }

    @Test
    void sparseSoftmaxCrossEntropyWithColumnLabels() {
        Tensor labels = data.labels(4, 5).reshape(4, 1);
        check(in -> Ops.softmaxCrossEntropy(in.get(0), labels, true), data.uniform(-3, 3, 4, 5));
    }

    @Test
    void denseSoftmaxCrossEntropyWithOneHotTargets() {
        Tensor targets = TestData.oneHot(data.labels(4, 5), 5);
        check(in -> Ops.softmaxCrossEntropy(in.get(0), targets, false), data.uniform(-3, 3, 4, 5));
    }

    @Test
    void denseSoftmaxCrossEntropyWithSoftTargets() {
        Tensor targets = data.probabilities(4, 5);
        check(in -> Ops.softmaxCrossEntropy(in.get(0), targets, false), data.uniform(-3, 3, 4, 5));
    }

    @Test
    void denseSoftmaxCrossEntropyWithTargetsThatDoNotSumToOne() {
        // −Σ t·log softmax(z) is defined for any t; its gradient is softmax·Σt − t, not softmax − t.
        Tensor targets = Ops.mul(data.probabilities(3, 4), 2.5f);
        check(in -> Ops.softmaxCrossEntropy(in.get(0), targets, false), data.uniform(-3, 3, 3, 4));
    }

    @Test
    void sigmoidCrossEntropy() {
        Tensor hard = data.bits(3, 4);
        Tensor soft = data.uniform(0, 1, 3, 4);
        check(in -> Ops.sigmoidCrossEntropy(in.get(0), hard), data.uniform(-4, 4, 3, 4));
        check(in -> Ops.sigmoidCrossEntropy(in.get(0), soft), data.uniform(-4, 4, 3, 4));
    }

    @Test
    void crossEntropiesGiveNoGradientToTargets() {
        Tensor logits = data.uniform(-1, 1, 2, 3);
        Tensor targets = data.probabilities(2, 3);
        List<Tensor> g = GradientCheck.gradients(in -> Ops.softmaxCrossEntropy(in.get(0), in.get(1), false), logits, targets);
        assertArrayEquals(new float[6], g.get(1).toArray());
        g = GradientCheck.gradients(in -> Ops.sigmoidCrossEntropy(in.get(0), in.get(1)), logits, targets);
        assertArrayEquals(new float[6], g.get(1).toArray());
    }

    // ---- reductions ------------------------------------------------------------------------

    @Test
    void sumAndMeanOfEverything() {
        check(in -> Ops.sum(in.get(0)), data.uniform(-1, 1, 3, 4));
        check(in -> Ops.mean(in.get(0)), data.uniform(-1, 1, 2, 3, 4));
        GradientCheck.of(in -> Ops.sum(in.get(0))).plainSum().check(data.uniform(-1, 1, 3, 4));
    }

    static Stream<Arguments> reductionAxes() {
        return Stream.of(new int[] {3, 4}, new int[] {2, 3, 4}).flatMap(shape ->
                Stream.of(true, false).flatMap(mean -> Stream.of(true, false).flatMap(keep ->
                        Stream.concat(java.util.stream.IntStream.range(0, shape.length).boxed(), Stream.of(-1))
                                .map(axis -> Arguments.of(mean ? "mean" : "sum", Shapes.str(shape), axis, keep, shape)))));
    }

    @ParameterizedTest(name = "{0} of {1} along {2}, keepDims {3}")
    @MethodSource("reductionAxes")
    void reductionAlongAnAxis(String op, String shapeName, int axis, boolean keepDims, int[] shape) {
        boolean mean = op.equals("mean");
        check(in -> mean ? Ops.mean(in.get(0), axis, keepDims) : Ops.sum(in.get(0), axis, keepDims),
                data.uniform(-1, 1, shape));
    }

    // ---- shape ops -------------------------------------------------------------------------

    @Test
    void reshape() {
        check(in -> Ops.reshape(in.get(0), 6, 4), data.uniform(-1, 1, 2, 3, 4));
        check(in -> Ops.reshape(in.get(0), -1), data.uniform(-1, 1, 2, 3, 4));
        check(in -> Ops.reshape(in.get(0), 4, -1, 3), data.uniform(-1, 1, 2, 3, 4));
    }

    @Test
    void flatten() {
        check(in -> Ops.flatten(in.get(0)), data.uniform(-1, 1, 2, 3, 4));
    }

    @ParameterizedTest(name = "axis {0}")
    @ValueSource(ints = {0, 1, 2, -1})
    void concatOfThreeInputs(int axis) {
        int[][] shapes = new int[3][];
        for (int j = 0; j < 3; j++) {
            int[] s = {2, 3, 4};
            s[axis < 0 ? 2 : axis] = j + 1;
            shapes[j] = s;
        }
        check(in -> Ops.concat(in, axis),
                data.uniform(-1, 1, shapes[0]), data.uniform(-1, 1, shapes[1]), data.uniform(-1, 1, shapes[2]));
    }

    @Test
    void concatOfRank2AlongBothAxes() {
        check(in -> Ops.concat(in, 0), data.uniform(-1, 1, 1, 3), data.uniform(-1, 1, 2, 3), data.uniform(-1, 1, 3, 3));
        check(in -> Ops.concat(in, 1), data.uniform(-1, 1, 2, 1), data.uniform(-1, 1, 2, 2), data.uniform(-1, 1, 2, 3));
    }

    // ---- dropout ---------------------------------------------------------------------------

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(floats = {0.25f, 0.5f})
    void dropoutGradientIsTheMask(float rate) {
        Tensor x = data.uniform(-1, 1, 8, 16);
        long seed = 99;
        check(in -> Ops.dropout(in.get(0), rate, new Random(seed)), x);

        // The mask is what dropout does to ones with the same seed.
        float[] mask = Ops.dropout(Tensor.full(1f, 8, 16), rate, new Random(seed)).toArray();
        float[] grad = GradientCheck.gradients(in -> Ops.dropout(in.get(0), rate, new Random(seed)), x).get(0).toArray();
        assertArrayEquals(mask, grad);
        int zeros = 0;
        for (float m : mask) {
            assertTrue(m == 0f || m == 1f / (1f - rate), "mask value " + m);
            zeros += m == 0f ? 1 : 0;
        }
        assertEquals(rate, zeros / (float) mask.length, 0.15f, "fraction dropped");
    }

    // ---- a small network, end to end ------------------------------------------------------

    @Test
    void twoLayerNetworkWithLoss() {
        Tensor labels = data.labels(4, 3);
        check(in -> {
            Tensor h = Ops.dense(in.get(0), in.get(1), in.get(2), UnaryOp.TANH, 0f);
            Tensor logits = Ops.add(Ops.matmul(h, in.get(3)), in.get(4));
            return Ops.mean(Ops.softmaxCrossEntropy(logits, labels, true));
        }, data.uniform(-1, 1, 4, 5), data.uniform(-1, 1, 5, 6), data.uniform(-0.5f, 0.5f, 6),
                data.uniform(-1, 1, 6, 3), data.uniform(-0.5f, 0.5f, 3));
    }

    @ParameterizedTest
    @EnumSource(value = UnaryOp.class, names = {"IDENTITY", "SIGMOID", "TANH"})
    void denseMatchesItsUnfusedForm(UnaryOp act) {
        Tensor x = data.uniform(-1, 1, 3, 4);
        Tensor w = data.uniform(-1, 1, 4, 2);
        Tensor b = data.uniform(-1, 1, 2);
        List<Tensor> fused = GradientCheck.gradients(in -> Ops.dense(in.get(0), in.get(1), in.get(2), act, 0f), x, w, b);
        List<Tensor> plain = GradientCheck.gradients(
                in -> Ops.unary(act, 0f, Ops.add(Ops.matmul(in.get(0), in.get(1)), in.get(2))), x, w, b);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(plain.get(i).toArray(), fused.get(i).toArray(), 1e-5f);
        }
    }
}
