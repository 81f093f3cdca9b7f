package dev.nn.api.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself: it passes right gradients and reports wrong ones precisely. */
class GradientCheckTest {

    @Test
    void acceptsACorrectGradient() {
        GradientCheck.of(in -> Ops.mul(Ops.exp(in.get(0)), in.get(1)))
                .check(new TestData(1).uniform(-1, 1, 2, 3), new TestData(2).uniform(-1, 1, 2, 3));
    }

    @Test
    void reportsTheWorstElementWithItsIndex() {
        // The tape cannot see through a copy made outside the ops, so its gradient is zero,
        // while finite differences see exp(x); the largest slope is at the largest x.
        Tensor x = Tensor.of(new float[] {0.1f, 0.2f, 0.3f, 2.0f, 0.4f, 0.5f}, 2, 3);
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradientCheck.of(in -> Ops.exp(Tensor.of(in.get(0).toArray(), 2, 3))).plainSum().check(x));
        assertTrue(e.getMessage().contains("6 of 6 elements"), e.getMessage());
        assertTrue(e.getMessage().contains("input 0 of shape (2, 3) at [1, 0]"), e.getMessage());
        assertTrue(e.getMessage().contains("finite difference 7.389"), e.getMessage());
    }

    @Test
    void checksGradientsWithRespectToVariables() {
        Variable w = new Variable("w", new TestData(3).uniform(-1, 1, 3, 2), true);
        Tensor x = new TestData(4).uniform(-1, 1, 4, 3);
        GradientCheck.ofVariables(() -> Ops.tanh(Ops.matmul(x, w.value()))).checkVariables(List.of(w));
    }

    @Test
    void variableCheckRestoresTheValues() {
        Tensor init = new TestData(5).uniform(-1, 1, 2, 2);
        Variable w = new Variable("w", init, true);
        GradientCheck.ofVariables(() -> Ops.square(w.value())).checkVariables(List.of(w));
        assertArrayEquals(init.toArray(), w.value().toArray());
    }

    @Test
    void refusesNonTrainableVariables() {
        Variable v = new Variable("moving_mean", Tensor.zeros(3), false);
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.ofVariables(v::value).checkVariables(List.of(v)));
    }

    @Test
    void weightedReductionCatchesWhatAPlainSumHides() {
        // Σ softmax(x) = 1 for any x: a plain sum has gradient zero whatever the backward rule says.
        Tensor x = new TestData(6).uniform(-1, 1, 2, 4);
        List<Tensor> g = GradientCheck.gradients(in -> Ops.softmax(in.get(0)), x);
        for (float v : g.get(0).toArray()) {
            assertEquals(0f, v, 1e-6f);
        }
        GradientCheck.of(in -> Ops.softmax(in.get(0))).check(x); // weighted: a real check
    }

    @Test
    void sameSeedSameData() {
        assertArrayEquals(
                new TestData(9).normal(1f, 5).toArray(), new TestData(9).normal(1f, 5).toArray());
    }
}
