package dev.nn.api.layers;

import dev.nn.api.Tensor;
import dev.nn.api.activations.Activations;
import dev.nn.api.testing.GradientCheck;
import dev.nn.api.testing.TestData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each layer's gradients, for its inputs and its weights, by finite differences. */
class LayerGradientTest {

    private final TestData data = new TestData(5);

    @Test
    void denseWithEachActivationForInputsAndWeights() {
        for (String act : List.of("linear", "relu", "sigmoid", "tanh", "elu", "selu", "softplus", "softmax", "leaky_relu")) {
            Dense dense = new Dense(4, act);
            dense.build(new int[] {-1, 3}, new SplittableRandom(1));
            Tensor x = data.normal(1f, 5, 3);
            GradientCheck.of(in -> dense.apply(List.of(in.get(0)), true)).check(x);
            GradientCheck.ofVariables(() -> dense.apply(List.of(x), true)).checkVariables(dense.trainableWeights());
        }
    }

    @Test
    void flattenActivationAndNormalization() {
        Tensor x = data.normal(1f, 3, 2, 4);
        GradientCheck.of(in -> new Flatten().apply(List.of(in.get(0)), true)).check(x);
        GradientCheck.of(in -> new Activation(Activations.elu(0.7f)).apply(List.of(in.get(0)), true)).check(x);
        Normalization norm = new Normalization();
        norm.adapt(data.normal(3f, 20, 4));
        GradientCheck.of(in -> norm.apply(List.of(in.get(0)), true)).check(data.normal(1f, 6, 4));
    }

    @Test
    void dropoutPassesGradientOnlyThroughKeptUnitsScaled() {
        Dropout dropout = new Dropout(0.4);
        dropout.build(new int[] {-1, 50}, new SplittableRandom(3));
        Tensor x = data.normal(1f, 4, 50);
        // the mask changes with every call, so check the rule directly: dy/dx is 0 or 1/(1-rate)
        try (dev.nn.api.GradientTape tape = dev.nn.api.GradientTape.record()) {
            tape.watch(x);
            Tensor y = dropout.apply(List.of(x), true);
            float[] g = tape.gradientOf(y, List.of(x)).get(0).toArray();
            float[] yv = y.toArray();
            float[] xv = x.toArray();
            int kept = 0;
            for (int i = 0; i < g.length; i++) {
                boolean keep = yv[i] != 0f;
                kept += keep ? 1 : 0;
                org.junit.jupiter.api.Assertions.assertEquals(keep ? 1f / 0.6f : 0f, g[i], 1e-6f);
                if (keep) {
                    org.junit.jupiter.api.Assertions.assertEquals(xv[i] / 0.6f, yv[i], 1e-5f);
                }
            }
            org.junit.jupiter.api.Assertions.assertTrue(kept > 80 && kept < 160, "kept " + kept + " of 200");
        }
        Tensor same = dropout.apply(List.of(x), false);
        org.junit.jupiter.api.Assertions.assertArrayEquals(x.toArray(), same.toArray());
    }
}
