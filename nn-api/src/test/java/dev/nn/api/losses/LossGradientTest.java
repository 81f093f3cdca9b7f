package dev.nn.api.losses;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.testing.GradientCheck;
import dev.nn.api.testing.TestData;
import org.junit.jupiter.api.Test;

/** Every loss's gradient with respect to the predictions, by finite differences. */
class LossGradientTest {

    private final TestData data = new TestData(11);

    @Test
    void regressionLosses() {
        Tensor y = data.normal(1f, 6, 3);
        Tensor p = data.avoiding(0f, 0.05f, 2f, 6, 3);
        Tensor target = Ops.sub(p, y); // keeps prediction − target away from the kinks
        GradientCheck.of(in -> Losses.meanSquaredError().call(target, in.get(0))).check(p);
        Tensor apart = Ops.sub(p, data.avoiding(0f, 0.05f, 2f, 6, 3));
        GradientCheck.of(in -> Losses.meanAbsoluteError().call(apart, in.get(0))).check(p);
        Tensor shifted = Ops.sub(p, data.avoiding(1f, 0.1f, 3f, 6, 3));
        GradientCheck.of(in -> Losses.huber(1f).call(shifted, in.get(0))).check(p);
    }

    @Test
    void crossEntropiesFromProbabilitiesAndFromLogits() {
        Tensor logits = data.normal(2f, 5, 4);
        Tensor labels = data.labels(5, 4);
        Tensor oneHot = TestData.oneHot(labels, 4);
        GradientCheck.of(in -> Losses.sparseCategoricalCrossentropy(true).call(labels, in.get(0))).check(logits);
        GradientCheck.of(in -> Losses.categoricalCrossentropy(true).call(oneHot, in.get(0))).check(logits);
        // probabilities that did not come from an nn softmax take the clipped-log path
        // (from a softmax of small logits, copied so no logits are remembered: every p stays well above 0)
        Tensor probs = Tensor.of(Ops.softmax(data.normal(0.5f, 5, 4)).toArray(), 5, 4);
        GradientCheck.of(in -> Losses.categoricalCrossentropy().call(oneHot, in.get(0))).check(probs);
        GradientCheck.of(in -> Losses.sparseCategoricalCrossentropy().call(labels, in.get(0))).check(probs);
        // through softmax: the loss uses the remembered logits
        GradientCheck.of(in -> Losses.sparseCategoricalCrossentropy().call(labels, Ops.softmax(in.get(0)))).check(logits);
    }

    @Test
    void binaryCrossEntropy() {
        Tensor z = data.normal(2f, 6, 2);
        Tensor t = data.bits(6, 2);
        GradientCheck.of(in -> Losses.binaryCrossentropy(true).call(t, in.get(0))).check(z);
        GradientCheck.of(in -> Losses.binaryCrossentropy().call(t, Ops.sigmoid(in.get(0)))).check(z);
        Tensor p = data.uniform(0.1f, 0.9f, 6, 2);
        GradientCheck.of(in -> Losses.binaryCrossentropy().call(t, in.get(0))).check(p);
    }

    @Test
    void sampleWeightsScaleEachExample() {
        Tensor y = data.normal(1f, 4, 2);
        Tensor p = data.normal(1f, 4, 2);
        Tensor w = Tensor.vector(0.5f, 2f, 0f, 1f);
        GradientCheck.of(in -> Losses.meanSquaredError().call(y, in.get(0), w)).check(p);
    }

    @Test
    void perceptronLoss() {
        Tensor z = data.avoiding(0f, 0.1f, 2f, 8, 1);
        Tensor t = data.bits(8, 1);
        GradientCheck.of(in -> Losses.perceptron().call(t, in.get(0))).check(z);
    }
}
