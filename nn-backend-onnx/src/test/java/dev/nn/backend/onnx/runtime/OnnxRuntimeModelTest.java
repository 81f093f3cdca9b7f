package dev.nn.backend.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.backend.onnx.export.ExportOptions;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OnnxRuntimeModelTest {

    private static Sequential mlp() {
        Sequential model = new Sequential(new InputLayer(4, 7), new Flatten(), new Dense(16, "relu"), new Dense(3, "softmax"));
        model.seed(3);
        return model;
    }

    private static Tensor random(int batch) {
        SplittableRandom rng = new SplittableRandom(batch);
        float[] x = new float[batch * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-1, 1);
        }
        return Tensor.wrap(x, batch, 4, 7);
    }

    @Test
    void oneSessionServesEveryBatchSizeWithNnsAnswers() {
        Sequential model = mlp();
        try (OnnxRuntimeModel fast = OnnxRuntimeModel.of(model, OnnxModelOptions.defaults().withIntraOpThreads(1))) {
            assertEquals(List.of("input_layer"), fast.inputNames());
            assertEquals(model.outputNames(), fast.outputNames());
            for (int batch : new int[] {1, 7, 64, 1}) {
                Tensor x = random(batch);
                Tensor y = fast.predict(x);
                assertArrayEquals(new int[] {batch, 3}, y.shape());
                assertArrayEquals(model.predict(x).toArray(), y.toArray(), 1e-5f);
            }
        }
    }

    @Test
    void listPredictAndNewerOpsetsGiveTheSameAnswers() {
        Sequential model = mlp();
        Tensor x = random(5);
        try (OnnxRuntimeModel at21 = OnnxRuntimeModel.of(model, OnnxModelOptions.defaults(), new ExportOptions(21))) {
            List<Tensor> out = at21.predict(List.of(x));
            assertEquals(1, out.size());
            assertArrayEquals(model.predict(x).toArray(), out.getFirst().toArray(), 1e-5f);
        }
    }

    @Test
    void keepsTheWeightsOfWhenItWasMade() {
        Sequential model = mlp();
        Tensor x = random(2);
        try (OnnxRuntimeModel fast = OnnxRuntimeModel.of(model)) {
            float[] before = model.predict(x).toArray();
            Dense last = (Dense) model.getLayer("dense_1");
            last.bias().assign(new float[] {5f, 0f, -5f});
            assertArrayEquals(before, fast.predict(x).toArray(), 1e-5f);
        }
    }
}
