package dev.nn.backend.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.backend.onnx.InvalidModelException;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
    private static final float[] X = {1f, 2f, 3f, -1f, 0.5f, 4f, 0f, 0f, 0f, -2f, -2f, -2f};

    @Test
    void gemmReluMatchesHandComputation() {
        try (OnnxModel model = OnnxModel.fromBytes(TinyModels.gemmRelu().toByteArray())) {
            List<FloatArray> y = model.predict(FloatArray.of(X, 4, 3));
            assertEquals(1, y.size());
            assertArrayEquals(new long[] {4, 2}, y.getFirst().shape());
            assertArrayEquals(TinyModels.gemmReluByHand(X), y.getFirst().data(), 1e-6f);
        }
    }

    @Test
    void reportsNamesAndSymbolicShapes() {
        try (OnnxModel model = OnnxModel.fromBytes(TinyModels.gemmRelu().toByteArray())) {
            assertEquals(List.of("x"), model.inputNames());
            assertEquals(List.of("y"), model.outputNames());
            TensorSpec x = model.inputs().getFirst();
            assertArrayEquals(new long[] {-1, 3}, x.shape());
            assertEquals("[batch, 3]", x.shapeText());
            assertEquals("FLOAT", x.elementType());
        }
    }

    @Test
    void loadsFromFileWithThreadOptionsAndReusesTheSession(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tiny.onnx");
        Files.write(file, TinyModels.gemmRelu().toByteArray());
        OnnxModelOptions options = OnnxModelOptions.defaults().withIntraOpThreads(1).withInterOpThreads(1);
        try (OnnxModel model = OnnxModel.load(file, options)) {
            for (int batch = 1; batch <= 4; batch++) {
                float[] x = Arrays.copyOf(X, batch * 3);
                Map<String, FloatArray> y = model.predict(Map.of("x", FloatArray.of(x, batch, 3)));
                assertArrayEquals(TinyModels.gemmReluByHand(x), y.get("y").data(), 1e-6f);
            }
        }
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.onnx");
        OnnxException e = assertThrows(OnnxException.class, () -> OnnxModel.load(missing));
        assertTrue(e.getMessage().contains("not found") && e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void garbageIsNotAModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("garbage.onnx");
        Files.writeString(file, "this is not a protobuf message at all");
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> OnnxModel.load(file));
        assertTrue(e.getMessage().contains("Not a loadable ONNX model") && e.getMessage().contains(file.toString()),
                e.getMessage());
    }

    @Test
    void wrongInputCountShapeOrNameIsRefusedBeforeRunning() {
        try (OnnxModel model = OnnxModel.fromBytes(TinyModels.gemmRelu().toByteArray())) {
            FloatArray good = FloatArray.of(X, 4, 3);
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(good, good));
            assertTrue(count.getMessage().contains("takes 1 inputs [x] but 2 were given"), count.getMessage());

            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(FloatArray.of(X, 3, 4)));
            assertTrue(shape.getMessage().contains("input 'x' expects shape [batch, 3] but got [3, 4]"), shape.getMessage());

            IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(FloatArray.of(X, 12)));
            assertTrue(rank.getMessage().contains("expects rank 2"), rank.getMessage());

            IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(Map.of("z", good)));
            assertTrue(name.getMessage().contains("missing [x]") && name.getMessage().contains("not inputs of this model [z]"),
                    name.getMessage());
        }
    }

    @Test
    void closedModelRefusesToRun() {
        OnnxModel model = OnnxModel.fromBytes(TinyModels.gemmRelu().toByteArray());
        model.close();
        model.close();
        assertThrows(IllegalStateException.class, () -> model.predict(FloatArray.of(X, 4, 3)));
    }
}
