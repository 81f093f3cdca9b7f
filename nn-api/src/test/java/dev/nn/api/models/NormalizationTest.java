package dev.nn.api.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Normalization;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void adaptLearnsMeanAndVarianceAndStandardizes() {
        Normalization norm = new Normalization();
        Tensor data = Tensor.of(new float[][] {{1, 10}, {3, 10}, {5, 10}});
        norm.adapt(data);
        assertEquals(3f, norm.mean().buffer()[0], 1e-6);
        assertEquals(8f / 3, norm.variance().buffer()[0], 1e-6);
        float[] out = norm.apply(data).toArray();
        assertEquals(-1.2247449f, out[0], 1e-5);
        assertEquals(0f, out[2], 1e-6);
        assertEquals(0f, out[1], 1e-6, "a constant feature maps to 0, not NaN");
    }

    @Test
    void eightFeaturesGiveSeventeenNonTrainableParameters() {
        Normalization norm = new Normalization();
        Sequential model = new Sequential(new InputLayer(8), norm, new Dense(1));
        norm.adapt(Tensor.zeros(4, 8));
        String s = model.summary();
        assertTrue(s.contains("Non-trainable params: 17"), s);
        assertEquals(17, model.nonTrainableWeights().stream().mapToInt(v -> v.size()).sum());
    }
}
