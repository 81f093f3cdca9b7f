package dev.nn.api.models;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Add;
import dev.nn.api.layers.Average;
import dev.nn.api.layers.Concatenate;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Input;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.Multiply;
import dev.nn.api.testing.GradientCheck;
import dev.nn.api.testing.TestData;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Finite-difference checks of the gradients that flow through functional graphs. */
class FunctionalGradientTest {

    private final TestData data = new TestData(11);

    @Test
    void gradientsThroughASharedLayerSumEveryUse() {
        Tensor a = Input.of("a", 3);
        Tensor b = Input.of("b", 3);
        Dense shared = new Dense(3, "tanh");
        Tensor twice = shared.apply(shared.apply(a)); // reused in a chain and in a second branch
        Tensor h = new Concatenate().apply(List.of(twice, shared.apply(b)));
        Functional m = new Functional(List.of(a, b), List.of(new Dense(2).apply(h)), "shared");
        m.seed(1);
        check(m, data.uniform(-1, 1, 5, 3), data.uniform(-1, 1, 5, 3));
    }

    @Test
    void gradientsThroughEachMergeLayer() {
        for (Supplier<Layer> merge : List.<Supplier<Layer>>of(Add::new, Multiply::new, Average::new, Concatenate::new)) {
            Tensor a = Input.of("a", 3);
            Tensor b = Input.of("b", 3);
            Tensor left = new Dense(4, "tanh").apply(a);
            Tensor right = new Dense(4, "sigmoid").apply(b);
            Tensor merged = merge.get().apply(List.of(left, right, left));
            Functional m = new Functional(List.of(a, b), List.of(new Dense(2).apply(merged)), "merge");
            m.seed(2);
            check(m, data.uniform(-1, 1, 4, 3), data.uniform(-1, 1, 4, 3));
        }
    }

    private static void check(Model m, Tensor... xs) {
        GradientCheck.ofVariables(() -> m.forward(List.of(xs), true).get(0)).checkVariables(m.trainableWeights());
    }
}
