package dev.nn.backend.onnx.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.GradientTape;
import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.models.Sequential;
import dev.nn.backend.onnx.export.ExportOptions;
import dev.nn.backend.onnx.export.TestModels;
import dev.nn.backend.onnx.export.OnnxExporter;
import dev.nn.backend.onnx.proto.ModelProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** nn models exported to ONNX and run back through the importer's op mapping give nn's answers. */
class GraphInterpreterTest {
    /** Every model of the export tests, the step and Huber compositions (Min, GreaterOrEqual, Cast) included. */
    static Stream<Object[]> roundTrips() {
        return TestModels.all().stream().map(c -> new Object[] {c.name(), c.model(), c.lo(), c.hi()});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roundTrips")
    void exportedModelsRunBackWithNnsAnswers(String name, Supplier<Sequential> make, float lo, float hi) {
        Sequential model = make.get();
        for (int opset : new int[] {17, 21}) {
            ModelProto proto = OnnxExporter.toModelProto(model, new ExportOptions(opset));
            GraphInterpreter graph = GraphInterpreter.of(proto, name);
            for (int batch : new int[] {1, 7}) {
                Tensor x = random(batch, model.inputShapes().getFirst(), lo, hi);
                Tensor expected = model.predict(x);
                Tensor actual = graph.run(List.of(x)).getFirst();
                assertArrayEquals(expected.shape(), actual.shape(), name);
                assertArrayEquals(expected.toArray(), actual.toArray(), 1e-5f, name + " opset " + opset + " batch " + batch);
            }
        }
    }

    @Test
    void symbolicInputsTraceTheGraph() {
        Sequential model = TestModels.fashionMlp();
        GraphInterpreter graph = GraphInterpreter.of(OnnxExporter.toModelProto(model, ExportOptions.defaults()), "mlp");
        assertArrayEquals(new int[] {-1, 28, 28}, graph.inputShapes().getFirst());
        Tensor y = graph.run(List.of(Ops.placeholder("x", graph.inputShapes().getFirst()))).getFirst();
        assertTrue(y.isSymbolic());
        assertArrayEquals(new int[] {-1, 10}, y.shape());
    }

    @Test
    void weightsRunAsVariablesAndGetGradients() {
        Sequential model = TestModels.fashionMlp();
        GraphInterpreter graph = GraphInterpreter.of(OnnxExporter.toModelProto(model, ExportOptions.defaults()), "mlp");
        Map<String, Tensor> values = new LinkedHashMap<>();
        List<Variable> variables = new ArrayList<>();
        graph.weights().forEach((name, w) -> {
            Variable v = new Variable(name, w, true);
            variables.add(v);
            values.put(name, v.value());
        });
        Tensor x = random(3, model.inputShapes().getFirst(), 0f, 1f);
        try (GradientTape tape = GradientTape.record()) {
            Tensor y = graph.run(List.of(x), values).getFirst();
            Tensor loss = Ops.sum(Ops.mul(y, Tensor.vector(1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f)));
            List<Tensor> grads = tape.gradient(loss, variables);
            for (int i = 0; i < variables.size(); i++) {
                float norm = 0;
                for (float g : grads.get(i).toArray()) {
                    norm += Math.abs(g);
                }
                assertNotEquals(0f, norm, variables.get(i).name());
            }
        }
    }

    @Test
    void unsupportedOpsAreAllListedWithTheirNodes() {
        ModelProto proto = OnnxExporter.toModelProto(TestModels.fashionMlp(), ExportOptions.defaults());
        ModelProto.Builder b = proto.toBuilder();
        var graph = b.getGraphBuilder();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            String type = graph.getNode(i).getOpType();
            if (type.equals("Relu")) {
                graph.setNode(i, graph.getNode(i).toBuilder().setOpType("Erf"));
            } else if (type.equals("Softmax")) {
                graph.setNode(i, graph.getNode(i).toBuilder().setOpType("Hardmax"));
            }
        }
        UnsupportedOpsException e = assertThrows(UnsupportedOpsException.class, () -> GraphInterpreter.of(b.build(), "odd.onnx"));
        assertEquals(List.of("Erf", "Hardmax"), List.copyOf(e.nodesByOpType().keySet()));
        assertEquals(2, e.nodesByOpType().get("Erf").size());
        assertTrue(e.getMessage().contains("odd.onnx uses ops nn cannot import: Erf"), e.getMessage());
    }

    private static Tensor random(int batch, int[] modelShape, float lo, float hi) {
        int[] shape = modelShape.clone();
        shape[0] = batch;
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        SplittableRandom rng = new SplittableRandom(batch * 17L);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * (float) rng.nextDouble();
        }
        return Tensor.wrap(x, shape);
    }
}
