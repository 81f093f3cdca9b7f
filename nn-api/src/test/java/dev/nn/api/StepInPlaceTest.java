package dev.nn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nn.api.backend.UnaryOp;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A plain-SGD step folded into the dense op's backward GEMM equals computing the gradient and stepping. */
class StepInPlaceTest {

    private static Variable variable(String name, Random rnd, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return new Variable(name, Tensor.of(v, shape), true);
    }

    private static Tensor loss(Tensor x, Variable w1, Variable b1, Variable w2) {
        Tensor h = Ops.dense(x, w1.value(), b1.value(), UnaryOp.RELU, 0f);
        return Ops.sum(Ops.mul(Ops.dense(h, w2.value(), null, UnaryOp.IDENTITY, 0f), 0.5f));
    }

    @Test
    void aSteppedKernelMatchesGradientThenStep() {
        Random rnd = new Random(3);
        Tensor x = Tensor.of(new float[] {1f, -2f, 0.5f, 3f, 0.25f, -1f, 2f, 1.5f, -0.5f, 1f, 0f, 2f}, 4, 3);
        float lr = 0.05f;
        Variable w1 = variable("w1", rnd, 3, 5);
        Variable b1 = variable("b1", rnd, 5);
        Variable w2 = variable("w2", rnd, 5, 2);
        List<Variable> vars = List.of(w1, b1, w2);
        float[][] want = new float[3][];
        try (GradientTape tape = GradientTape.record()) {
            List<Tensor> g = tape.gradient(loss(x, w1, b1, w2), vars);
            for (int i = 0; i < 3; i++) {
                want[i] = vars.get(i).buffer().clone();
                for (int j = 0; j < want[i].length; j++) {
                    want[i][j] -= lr * g.get(i).buffer()[j];
                }
            }
        }
        List<Tensor> grads;
        try (GradientTape tape = GradientTape.record()) {
            grads = tape.gradientOrStep(loss(x, w1, b1, w2), vars, -lr);
        }
        assertNull(grads.get(0), "the first kernel took its step in the GEMM");
        assertNull(grads.get(2), "the second kernel too");
        assertNotNull(grads.get(1), "the bias gradient is returned");
        for (int j = 0; j < want[1].length; j++) {
            b1.buffer()[j] -= lr * grads.get(1).buffer()[j];
        }
        for (int i = 0; i < 3; i++) {
            float[] got = vars.get(i).buffer();
            for (int j = 0; j < got.length; j++) {
                assertEquals(want[i][j], got[j], 1e-5f * Math.max(1f, Math.abs(want[i][j])), vars.get(i).name() + "[" + j + "]");
            }
        }
    }

    @Test
    void aSharedKernelIsNotSteppedInPlace() {
        Random rnd = new Random(4);
        Tensor x = Tensor.of(new float[] {1f, 2f, -1f, 0.5f}, 2, 2);
        Variable w = variable("w", rnd, 2, 2);
        try (GradientTape tape = GradientTape.record()) {
            Tensor h = Ops.dense(x, w.value(), null, UnaryOp.TANH, 0f);
            Tensor y = Ops.dense(h, w.value(), null, UnaryOp.IDENTITY, 0f);
            List<Tensor> g = tape.gradientOrStep(Ops.sum(y), List.of(w), -0.1f);
            assertNotNull(g.get(0), "w is read by two ops: its gradient must come back whole");
        }
    }
}
