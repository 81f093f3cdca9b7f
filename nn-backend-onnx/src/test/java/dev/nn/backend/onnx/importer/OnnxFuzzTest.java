package dev.nn.backend.onnx.importer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.api.Tensor;
import dev.nn.api.models.Functional;
import dev.nn.api.testing.Fuzz;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.TinyModels;
import dev.nn.backend.onnx.export.OnnxExporter;
import dev.nn.backend.onnx.export.TestModels;
import dev.nn.backend.onnx.inspect.OnnxInspector;
import dev.nn.backend.onnx.inspect.OnnxLimits;
import dev.nn.backend.onnx.proto.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ONNX import from hostile bytes: parse and check ({@link OnnxInspector}), convert to a Functional
 * model ({@link OnnxImporter}), then run it once on zeros ({@link GraphInterpreter}). Only an
 * {@link OnnxException} (InvalidModelException, UnsupportedOpsException) or an
 * IllegalArgumentException with a message may come out. Longer run: {@code JAZZER_FUZZ=1
 * JAZZER_MAX_DURATION=5m mvn -pl nn-backend-onnx -am test -Dtest=OnnxFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OnnxFuzzTest {

    /** Tight limits: a fuzzed model must not make one run allocate much. */
    private static final OnnxInspector INSPECTOR = new OnnxInspector(new OnnxLimits(1 << 16, 1 << 18));
    /** Inputs of more elements than this are not run, only converted. */
    private static final int MAX_RUN_ELEMENTS = 1 << 14;

    @FuzzTest
    void onnx(byte[] data) {
        Fuzz.expectOnly(() -> importAndRun(data), OnnxException.class, IllegalArgumentException.class);
    }

    private static void importAndRun(byte[] data) {
        ModelProto proto = INSPECTOR.parse(data, "fuzz.onnx");
        Functional model = OnnxImporter.convert(proto, "fuzz.onnx");
        List<Tensor> inputs = new ArrayList<>();
        for (int[] declared : model.inputShapes()) {
            int[] shape = declared.clone();
            long elements = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shape[i] < 0 ? 2 : shape[i];
                elements *= Math.max(1, shape[i]);
                if (elements > MAX_RUN_ELEMENTS) {
                    return;
                }
            }
            inputs.add(Tensor.zeros(shape));
        }
        model.predict(inputs);
    }

    @Timeout(120)
    @Test
    void seededMutations() {
        int runs = Fuzz.mutate(OnnxFuzzTest.class, "onnx", 20_000, 31, this::onnx);
        System.out.println("OnnxFuzzTest: " + runs + " executions");
    }

    /** Writes the seed corpus: small exported models and a hand-built one. Run by hand when the exporter changes. */
    static void main(String[] args) throws IOException {
        Path seeds = Path.of("nn-backend-onnx/src/test/resources/dev/nn/backend/onnx/importer/OnnxFuzzTestInputs/onnx");
        Files.write(seeds.resolve("gemm-relu"), TinyModels.gemmRelu().toByteArray());
        for (String name : List.of("activation_relu", "alphas", "normalization_dense", "dense_on_rank3", "unary_ops",
                "shapes_and_reductions")) {
            Files.write(seeds.resolve(name), OnnxExporter.toBytes(TestModels.byName(name)));
        }
    }
}
