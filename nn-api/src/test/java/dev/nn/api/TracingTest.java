package dev.nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.backend.UnaryOp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ops on symbolic tensors record OpNodes with the right type, attributes, inputs and shapes. */
class TracingTest {

    private static final int[] BATCH_4 = {-1, 4};

    private final Tensor x = Ops.placeholder("x", BATCH_4);

    /** The node behind a symbolic result, after checking its type and output shape. */
    private static OpNode node(Tensor t, OpType op, int... shape) {
        assertTrue(t.isSymbolic(), "a symbolic input gives a symbolic result");
        assertArrayEquals(shape, t.shape(), "output shape of " + op);
        OpNode n = t.producer();
        assertEquals(op, n.op());
        assertEquals(0, t.outputIndex());
        return n;
    }

    @Test
    void placeholderIsAnInputNode() {
        OpNode n = node(x, OpType.INPUT, -1, 4);
        assertEquals("x", n.name());
        assertTrue(n.inputs().isEmpty());
        assertTrue(n.attrs().isEmpty());
        assertNull(x.variable());
    }

    @Test
    void matmulWithAVariableLinksBothInputs() {
        Variable w = new Variable("w", Tensor.zeros(4, 3), true);
        OpNode n = node(Ops.matmul(x, w.value()), OpType.MATMUL, -1, 3);
        assertEquals(List.of(x, w.value()), n.inputs());
        assertSame(x, n.inputs().get(0));
        assertSame(w, n.inputs().get(1).variable());
        assertFalse(n.inputs().get(1).isSymbolic());
    }

    @Test
    void denseInANameScopeCarriesTheLayerName() {
        Variable kernel = new Variable("dense/kernel", Tensor.zeros(4, 3), true);
        Variable bias = new Variable("dense/bias", Tensor.zeros(3), true);
        Tensor y;
        try (NameScope scope = NameScope.enter("dense")) {
            y = Ops.dense(x, kernel.value(), bias.value(), UnaryOp.RELU, 0f);
        }
        OpNode n = node(y, OpType.DENSE, -1, 3);
        assertEquals("dense/dense", n.name());
        assertEquals(UnaryOp.RELU, n.attr("fn"));
        assertEquals(0f, (float) n.<Float>attr("alpha"));
        assertEquals(3, n.inputs().size());
        assertSame(x, n.inputs().get(0));
        assertSame(kernel, n.inputs().get(1).variable());
        assertSame(bias, n.inputs().get(2).variable());

        OpNode noBias = node(Ops.dense(x, kernel.value(), null, UnaryOp.LEAKY_RELU, 0.3f), OpType.DENSE, -1, 3);
        assertEquals("dense", noBias.name(), "outside the scope the name is the op's alone");
        assertEquals(2, noBias.inputs().size());
        assertEquals(0.3f, (float) noBias.<Float>attr("alpha"));
    }

    @Test
    void nestedScopesJoinWithSlashes() {
        try (NameScope outer = NameScope.enter("model"); NameScope inner = NameScope.enter("dense_1")) {
            assertEquals("model/dense_1/add", Ops.add(x, Tensor.scalar(1f)).producer().name());
        }
        assertEquals("add", Ops.add(x, Tensor.scalar(1f)).producer().name(), "scopes are closed again");
    }

    @Test
    void binaryOpsBroadcastSymbolicShapes() {
        Tensor row = Tensor.vector(1, 2, 3, 4);
        assertArrayEquals(new int[] {-1, 4}, node(Ops.add(x, row), OpType.ADD, -1, 4).inputs().get(0).shape());
        node(Ops.sub(row, x), OpType.SUB, -1, 4);
        node(Ops.mul(x, 2f), OpType.MUL, -1, 4);
        node(Ops.div(x, Ops.placeholder("y", new int[] {-1, 1})), OpType.DIV, -1, 4);
        node(Ops.add(Ops.placeholder("z", new int[] {-1, 1, 4}), Tensor.zeros(3, 1)), OpType.ADD, -1, 3, 4);
        Tensor sum = Ops.add(x, x);
        assertEquals(List.of(x, x), sum.producer().inputs());
    }

    @Test
    void shapeErrorsAreFoundWhileTracing() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ops.matmul(x, Tensor.zeros(5, 3)));
        assertTrue(e.getMessage().contains("(None, 4)") && e.getMessage().contains("(5, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.add(x, Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("(None, 4)") && e.getMessage().contains("(3,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Ops.dense(x, Tensor.zeros(3, 2), null, UnaryOp.IDENTITY, 0f));
        assertTrue(e.getMessage().contains("(None, 4)") && e.getMessage().contains("(3, 2)"), e.getMessage());
    }

    @Test
    void unaryOpsRecordTheirFunctionAndParameter() {
        OpNode n = node(Ops.leakyRelu(x, 0.2f), OpType.UNARY, -1, 4);
        assertEquals(UnaryOp.LEAKY_RELU, n.attr("fn"));
        assertEquals(0.2f, (float) n.<Float>attr("alpha"));
        assertEquals(UnaryOp.HUBER, node(Ops.huber(x, 1.5f), OpType.UNARY, -1, 4).attr("fn"));
        assertEquals(UnaryOp.SQRT, node(Ops.sqrt(x), OpType.UNARY, -1, 4).attr("fn"));
        assertEquals("unary", n.name());
        assertSame(x, n.inputs().get(0));
    }

    @Test
    void clipRecordsItsBounds() {
        OpNode n = node(Ops.clip(x, -1f, 2f), OpType.CLIP, -1, 4);
        assertEquals(Map.of("min", -1f, "max", 2f), n.attrs());
    }

    @Test
    void softmaxAndCrossEntropies() {
        node(Ops.softmax(x), OpType.SOFTMAX, -1, 4);
        node(Ops.logSoftmax(x), OpType.LOG_SOFTMAX, -1, 4);
        Tensor labels = Ops.placeholder("labels", new int[] {-1});
        OpNode sce = node(Ops.softmaxCrossEntropy(x, labels, true), OpType.SOFTMAX_CROSS_ENTROPY, -1);
        assertEquals(true, sce.attr("sparse"));
        assertEquals(List.of(x, labels), sce.inputs());
        Tensor probs = Ops.placeholder("targets", BATCH_4);
        assertEquals(false, node(Ops.softmaxCrossEntropy(x, probs, false), OpType.SOFTMAX_CROSS_ENTROPY, -1)
                .attr("sparse"));
        node(Ops.sigmoidCrossEntropy(x, probs), OpType.SIGMOID_CROSS_ENTROPY, -1, 4);
    }

    @Test
    void reductionsRecordAxisAndKeepDims() {
        Tensor t = Ops.placeholder("t", new int[] {-1, 3, 4});
        OpNode all = node(Ops.sum(t), OpType.SUM);
        assertEquals(Map.of("keepDims", false), all.attrs(), "no axis attribute when reducing everything");
        OpNode last = node(Ops.mean(t, -1, false), OpType.MEAN, -1, 3);
        assertEquals(Map.of("axis", 2, "keepDims", false), last.attrs(), "negative axes are normalized");
        node(Ops.sum(t, 1, true), OpType.SUM, -1, 1, 4);
        OpNode batch = node(Ops.mean(t, 0, false), OpType.MEAN, 3, 4);
        assertEquals(0, (int) batch.<Integer>attr("axis"));
        node(Ops.mean(t), OpType.MEAN);
    }

    @Test
    void reshapeAndFlattenKeepTheUnknownBatch() {
        Tensor t = Ops.placeholder("t", new int[] {-1, 2, 3});
        OpNode n = node(Ops.reshape(t, -1, 6), OpType.RESHAPE, -1, 6);
        assertArrayEquals(new int[] {-1, 6}, n.<int[]>attr("shape"));
        node(Ops.flatten(t), OpType.RESHAPE, -1, 6);
        node(Ops.reshape(Ops.placeholder("f", new int[] {2, 6}), 3, -1), OpType.RESHAPE, 3, 4);
    }

    @Test
    void reshapeOfAnUnknownSizeInfersNothing() {
        // (None, 4) viewed as (2, -1): the -1 depends on the batch, so it must stay unknown
        node(Ops.reshape(x, 2, -1), OpType.RESHAPE, 2, -1);
        node(Ops.reshape(x, -1, 2, 2), OpType.RESHAPE, -1, 2, 2);
    }

    @Test
    void concatRecordsTheAxisAndAddsWidths() {
        Tensor a = Ops.placeholder("a", new int[] {-1, 2});
        Tensor b = Ops.placeholder("b", new int[] {-1, 3});
        OpNode n = node(Ops.concat(List.of(a, b, x), -1), OpType.CONCAT, -1, 9);
        assertEquals(1, (int) n.<Integer>attr("axis"));
        assertEquals(List.of(a, b, x), n.inputs());
    }

    @Test
    void concatAlongAnUnknownAxisStaysUnknown() {
        OpNode n = node(Ops.concat(List.of(x, x, x), 0), OpType.CONCAT, -1, 4);
        assertEquals(0, (int) n.<Integer>attr("axis"));
        node(Ops.concat(List.of(x, Tensor.zeros(2, 4)), 0), OpType.CONCAT, -1, 4);
    }

    @Test
    void chainedOpsLinkNodeToNode() {
        Variable w = new Variable("w", Tensor.zeros(4, 2), true);
        Tensor h = Ops.matmul(x, w.value());
        Tensor y = Ops.tanh(h);
        Tensor loss = Ops.mean(y);
        OpNode mean = node(loss, OpType.MEAN);
        OpNode tanh = mean.inputs().get(0).producer();
        assertEquals(OpType.UNARY, tanh.op());
        assertSame(h, tanh.inputs().get(0));
        assertSame(h.producer(), tanh.inputs().get(0).producer());
        assertSame(x, h.producer().inputs().get(0));
    }

    @Test
    void tracingComputesNothingAndRecordsNothingOnATape() {
        Variable w = new Variable("w", Tensor.full(1f, 4, 2), true);
        try (GradientTape tape = GradientTape.record()) {
            Tensor y = Ops.sum(Ops.matmul(x, w.value()));
            assertTrue(y.isSymbolic());
            var e = assertThrows(IllegalStateException.class, y::toArray);
            assertTrue(e.getMessage().contains("symbolic"), e.getMessage());
            Tensor concrete = Ops.sum(w.value());
            assertArrayEquals(new float[8], tape.gradient(y, List.of(w)).get(0).toArray(),
                    "a traced op leaves nothing on the tape");
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, tape.gradient(concrete, List.of(w)).get(0).toArray());
        }
    }
}
