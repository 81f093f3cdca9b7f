package dev.nn.backend.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models built with our generated classes must pass the reference ONNX checker. */
class OnnxCheckerTest {

    @Test
    void gemmReluPassesTheFullCheck(@TempDir Path dir) throws IOException {
        Python.requireModules("onnx");
        Path file = dir.resolve("gemm_relu.onnx");
        Files.write(file, TinyModels.gemmRelu().toByteArray());
        Python.run("-c", """
                import sys, onnx
                m = onnx.load(sys.argv[1])
                onnx.checker.check_model(m, full_check=True)
                assert m.ir_version == 8 and m.opset_import[0].version == 17
                assert m.graph.input[0].type.tensor_type.shape.dim[0].dim_param == "batch"
                """, file.toString());
    }
}
