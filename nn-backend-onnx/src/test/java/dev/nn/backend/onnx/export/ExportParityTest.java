package dev.nn.backend.onnx.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.api.Tensor;
import dev.nn.api.models.Sequential;
import dev.nn.backend.onnx.Python;
import dev.nn.backend.onnx.export.TestModels.Case;
import dev.nn.backend.onnx.runtime.OnnxModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every exported model gives nn's predictions on onnxruntime, and passes the ONNX checker. */
class ExportParityTest {
    private static final float TOLERANCE = 1e-5f;

    static List<Case> cases() {
        return TestModels.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onnxruntimeMatchesPredict(Case c, @TempDir Path dir) {
        Sequential model = c.model().get();
        Path file = dir.resolve(c.name() + ".onnx");
        OnnxExporter.export(model, file);
        assertSamePredictions(model, c, file);
    }

    @ParameterizedTest(name = "opset {0}")
    @ValueSource(ints = {18, 19, 20, 21})
    void newerOpsetsRunInOnnxruntime(int opset, @TempDir Path dir) {
        for (Case c : TestModels.all()) {
            Sequential model = c.model().get();
            Path file = dir.resolve(c.name() + "_opset" + opset + ".onnx");
            OnnxExporter.export(model, file, ExportOptions.defaults().withOpset(opset));
            assertSamePredictions(model, c, file);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passesTheOnnxCheckerWithFullCheck(Case c, @TempDir Path dir) {
        Python.requireModules("onnx");
        Path file = dir.resolve(c.name() + ".onnx");
        OnnxExporter.export(c.model().get(), file);
        Python.run("-c", """
                import sys, onnx
                onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)
                """, file.toString());
    }

    private static void assertSamePredictions(Sequential model, Case c, Path file) {
        try (OnnxModel onnx = OnnxModel.load(file)) {
            for (int batch : new int[] {1, 7}) {
                Tensor x = Inputs.uniform(batch * 31L, c.lo(), c.hi(), batch, model.inputShapes().getFirst());
                Tensor expected = model.predict(x);
                Tensor actual = onnx.predict(x);
                String where = c.name() + " at batch " + batch + " (" + file.getFileName() + ")";
                assertArrayEquals(expected.shape(), actual.shape(), where);
                assertArrayEquals(expected.toArray(), actual.toArray(), TOLERANCE, where);
                assertEquals(model.outputNames(), onnx.outputNames(), where);
            }
        }
    }
}
