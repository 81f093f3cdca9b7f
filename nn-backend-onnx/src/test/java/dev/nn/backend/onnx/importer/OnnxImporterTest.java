package dev.nn.backend.onnx.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Input;
import dev.nn.api.layers.Layers;
import dev.nn.api.models.Functional;
import dev.nn.api.models.Sequential;
import dev.nn.backend.onnx.export.OnnxExporter;
import dev.nn.backend.onnx.export.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxImporterTest {

    @TempDir
    Path dir;

    static Tensor random(SplittableRandom r, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextDouble(-1, 1);
        }
        return Tensor.wrap(v, shape);
    }

    @Test
    void anExportedSequentialModelComesBackAsAFunctionalModelWithTheSameAnswers() throws Exception {
        Sequential model = TestModels.fashionMlp();
        Path file = dir.resolve("mlp.onnx");
        OnnxExporter.export(model, file);
        Functional imported = OnnxImporter.load(file);
        Tensor x = random(new SplittableRandom(1), 5, 28, 28);
        assertArrayEquals(model.predict(x).toArray(), imported.predict(x).toArray(), 1e-5f);
        assertEquals(model.countParams(), imported.countParams());
        assertTrue(imported.summary().contains("OnnxGraph"), imported.summary());
    }

    @Test
    void aModelWithTwoInputsAndTwoOutputsKeepsItsNamesAndSharesItsWeights() throws Exception {
        Tensor wide = Input.of("wide", 3);
        Tensor deep = Input.of("deep", 4);
        Tensor h = new Dense(5, "relu").apply(deep);
        Tensor main = Dense.builder(1).name("main").build().apply(Layers.concatenate(wide, h));
        Tensor aux = Dense.builder(1).name("aux").build().apply(h);
        Functional model = new Functional(List.of(wide, deep), List.of(main, aux), "two_by_two");
        model.seed(3);
        Path file = dir.resolve("two.onnx");
        OnnxExporter.export(model, file);
        Functional imported = OnnxImporter.load(file);
        assertEquals(List.of("wide", "deep"), imported.inputNames());
        assertEquals(List.of("main", "aux"), imported.outputNames());
        assertEquals(model.countParams(), imported.countParams());
        SplittableRandom r = new SplittableRandom(2);
        List<Tensor> xs = List.of(random(r, 6, 3), random(r, 6, 4));
        List<Tensor> expected = model.predict(xs);
        List<Tensor> actual = imported.predict(xs);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(expected.get(i).toArray(), actual.get(i).toArray(), 1e-5f);
        }
    }

    @Test
    void theStepAndHuberCompositionsImportAndAgree() throws Exception {
        for (String name : List.of("activation_heaviside", "unary_ops")) {
            Sequential model = TestModels.byName(name);
            Path file = dir.resolve(name + ".onnx");
            OnnxExporter.export(model, file);
            Functional imported = OnnxImporter.load(file);
            int[] shape = model.inputShapes().get(0).clone();
            shape[0] = 4;
            Tensor x = random(new SplittableRandom(5), shape);
            assertArrayEquals(model.predict(x).toArray(), imported.predict(x).toArray(), 1e-5f, name);
        }
    }
}
