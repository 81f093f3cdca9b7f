package dev.nn.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.backend.onnx.importer.GraphInterpreter;
import dev.nn.backend.onnx.inspect.Dim;
import dev.nn.backend.onnx.inspect.ModelSummary;
import dev.nn.backend.onnx.inspect.OnnxInspector;
import dev.nn.backend.onnx.runtime.FloatArray;
import dev.nn.backend.onnx.runtime.OnnxModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PyTorch-exported MLP: onnxruntime must reproduce PyTorch's numbers, the inspector its structure. */
class TorchMlpTest {
    private static final Path SCRIPT = Path.of("src/test/python/make_torch_mlp.py");

    @TempDir
    static Path fixture;

    @BeforeAll
    static void export() {
        Python.requireModules("torch", "numpy");
        Python.run(SCRIPT.toAbsolutePath().toString(), fixture.toString());
    }

    @Test
    void onnxruntimeMatchesPyTorch() throws IOException {
        FloatArray input = readF32("input.f32", shape("input_shape"));
        FloatArray expected = readF32("output.f32", shape("output_shape"));
        try (OnnxModel model = OnnxModel.load(fixture.resolve("mlp.onnx"))) {
            Map<String, FloatArray> out = model.predict(Map.of("input", input));
            FloatArray actual = out.get("output");
            assertArrayEquals(expected.shape(), actual.shape());
            assertArrayEquals(expected.data(), actual.data(), 1e-5f);
        }
    }

    @Test
    void importedGraphMatchesPyTorchWithWeightsInNnLayout() throws IOException {
        FloatArray input = readF32("input.f32", shape("input_shape"));
        FloatArray expected = readF32("output.f32", shape("output_shape"));
        GraphInterpreter graph = GraphInterpreter.of(new OnnxInspector().read(fixture.resolve("mlp.onnx")), "mlp.onnx");
        int[] inputShape = Arrays.stream(input.shape()).mapToInt(Math::toIntExact).toArray();
        Tensor y = graph.run(List.of(Tensor.wrap(input.data(), inputShape))).getFirst();
        assertArrayEquals(expected.data(), y.toArray(), 1e-5f);
        // torch stores Linear(8, 16) as (16, 8) with Gemm transB=1; nn's kernel is (in, out)
        assertTrue(graph.weights().values().stream().anyMatch(w -> Arrays.equals(w.shape(), new int[] {8, 16})),
                graph.weights().keySet().toString());
    }

    @Test
    void importedAsAFunctionalModelItPredictsAsPyTorchAndFineTunes() throws IOException {
        FloatArray input = readF32("input.f32", shape("input_shape"));
        FloatArray expected = readF32("output.f32", shape("output_shape"));
        int[] inputShape = Arrays.stream(input.shape()).mapToInt(Math::toIntExact).toArray();
        Tensor x = Tensor.wrap(input.data(), inputShape);
        dev.nn.api.models.Functional model = dev.nn.backend.onnx.importer.OnnxImporter.load(fixture.resolve("mlp.onnx"));
        assertArrayEquals(expected.data(), model.predict(x).toArray(), 1e-5f);
        assertEquals(8 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3, model.countParams());
        assertEquals(model.countParams(), model.trainableWeights().stream().mapToLong(v -> v.size()).sum());

        // fine-tune towards targets 0: the loss must fall and the weights move
        model.compile(dev.nn.api.models.CompileOptions.loss("mse"),
                dev.nn.api.models.CompileOptions.optimizer(new dev.nn.api.optimizers.SGD(0.05)));
        Tensor y = Tensor.zeros(x.dim(0), 3);
        double before = model.evaluate(x, y).get("loss");
        model.fit(x, y, dev.nn.api.models.FitOptions.epochs(20), dev.nn.api.models.FitOptions.verbose(0));
        double after = model.evaluate(x, y).get("loss");
        assertTrue(after < before * 0.5, before + " -> " + after);
    }

    @Test
    void inspectorReportsStructureAndParameters() throws IOException {
        ModelSummary summary = new OnnxInspector().inspect(fixture.resolve("mlp.onnx"));
        assertEquals(Map.of("Gemm", 3, "Relu", 1, "Tanh", 1), summary.opCounts());
        assertEquals(8 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3, summary.parameterCount());
        assertEquals(Long.parseLong(meta("parameters")), summary.parameterCount());
        assertEquals(17, summary.opset());
        assertEquals(1, summary.inputs().size());
        assertEquals("input", summary.inputs().getFirst().name());
        assertEquals("FLOAT", summary.inputs().getFirst().elementType());
        assertEquals(List.of(new Dim.Symbolic("batch"), new Dim.Fixed(8)), summary.inputs().getFirst().shape().orElseThrow());
        assertEquals("output", summary.outputs().getFirst().name());
    }

    private static FloatArray readF32(String file, long[] shape) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(fixture.resolve(file))).order(ByteOrder.LITTLE_ENDIAN);
        float[] data = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(data);
        return new FloatArray(data, shape);
    }

    private static long[] shape(String key) throws IOException {
        return Arrays.stream(meta(key).split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
    }

    /** The value of a key in the script's flat meta.json: a number or the inside of a list. */
    private static String meta(String key) throws IOException {
        String json = Files.readString(fixture.resolve("meta.json"));
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\\[?([0-9, ]+)\\]?").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("meta.json has no '" + key + "': " + json);
        }
        return m.group(1).strip();
    }
}
