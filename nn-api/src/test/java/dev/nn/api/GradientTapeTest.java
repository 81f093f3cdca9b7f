package dev.nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a GradientTape records, and the gradients it gives back. */
class GradientTapeTest {

    private static final float TOL = 1e-5f;

    private final Tensor x = Tensor.vector(1f, -2f, 3f);

    private static float[] grad(GradientTape tape, Tensor target, Tensor source) {
        return tape.gradientOf(target, List.of(source)).get(0).toArray();
    }

    @Test
    void gradientOfANonScalarTargetIsOfItsSum() {
        try (GradientTape tape = GradientTape.record()) {
            tape.watch(x);
            Tensor y = Ops.mul(x, 2f);
            assertArrayEquals(new float[] {2, 2, 2}, grad(tape, y, x));
            assertArrayEquals(new float[] {1, 1, 1}, grad(tape, y, y), "a target's gradient by itself is ones");
        }
    }

    @Test
    void aTensorUsedTwiceAccumulatesItsGradient() {
        try (GradientTape tape = GradientTape.record()) {
            tape.watch(x);
            // d/dx (x·x + x) = 2x + 1: x is both operands of mul, and used again by add
            Tensor y = Ops.add(Ops.mul(x, x), x);
            assertArrayEquals(new float[] {3, -3, 7}, grad(tape, y, x), TOL);
            // two branches from one tensor: d/dx (tanh x + x²) = 1 − tanh² x + 2x
            Tensor z = Ops.add(Ops.tanh(x), Ops.square(x));
            float[] g = grad(tape, z, x);
            for (int i = 0; i < 3; i++) {
                double t = Math.tanh(x.get(i));
                assertEquals(1 - t * t + 2 * x.get(i), g[i], TOL);
            }
        }
    }

    @Test
    void untrackedInputsGetNoGradient() {
        Tensor b = Tensor.vector(4f, 5f, 6f);
        try (GradientTape tape = GradientTape.record()) {
            tape.watch(x);
            Tensor y = Ops.mul(x, b);
            List<Tensor> g = tape.gradientOf(y, List.of(x, b));
            assertArrayEquals(new float[] {4, 5, 6}, g.get(0).toArray());
            assertArrayEquals(new float[] {0, 0, 0}, g.get(1).toArray());
        }
    }

    @Test
    void opsOnUntrackedDataAreNotRecorded() {
        Tensor b = Tensor.vector(4f, 5f, 6f);
        try (GradientTape tape = GradientTape.record()) {
            tape.watch(x);
            Tensor e = Ops.exp(b); // nothing here is tracked: not recorded
            tape.watch(b);         // too late: no entry links e to b
            Tensor y = Ops.mul(x, e);
            assertArrayEquals(new float[] {0, 0, 0}, grad(tape, y, b));
            assertArrayEquals(e.toArray(), grad(tape, y, x));
        }
    }

    @Test
    void trainableVariablesAreWatchedAndNonTrainableOnesAreNot() {
        Variable w = new Variable("w", Tensor.vector(1f, 2f, 3f), true);
        Variable frozen = new Variable("moving_mean", Tensor.vector(10f, 20f, 30f), false);
        try (GradientTape tape = GradientTape.record()) {
            Tensor loss = Ops.sum(Ops.mul(w.value(), frozen.value()));
            List<Tensor> g = tape.gradient(loss, List.of(w, frozen));
            assertArrayEquals(new float[] {10, 20, 30}, g.get(0).toArray());
            assertArrayEquals(new float[] {0, 0, 0}, g.get(1).toArray(), "a non-trainable variable gets no gradient");
        }
    }

    @Test
    void opsOnNonTrainableVariablesAloneAreNotRecorded() {
        Variable frozen = new Variable("moving_var", Tensor.vector(1f, 2f), false);
        try (GradientTape tape = GradientTape.record()) {
            Tensor y = Ops.square(frozen.value());
            tape.watch(frozen.value());
            assertArrayEquals(new float[] {0, 0}, tape.gradient(Ops.sum(y), List.of(frozen)).get(0).toArray());
        }
    }

    @Test
    void aWatchedNonTrainableVariableIsDifferentiated() {
        Variable frozen = new Variable("frozen", Tensor.vector(1f, 2f), false);
        try (GradientTape tape = GradientTape.record()) {
            tape.watch(frozen.value());
            Tensor y = Ops.square(frozen.value());
            assertArrayEquals(new float[] {2, 4}, tape.gradient(y, List.of(frozen)).get(0).toArray());
        }
    }

    @Test
    void gradientsAfterCloseWorkAndCanBeAskedTwice() {
        Tensor y;
        GradientTape tape;
        try (GradientTape t = GradientTape.record()) {
            t.watch(x);
            y = Ops.square(x);
            tape = t;
        }
        assertArrayEquals(new float[] {2, -4, 6}, grad(tape, y, x));
        assertArrayEquals(new float[] {2, -4, 6}, grad(tape, y, x), "the tape keeps its entries");
        tape.close(); // closing twice is harmless
    }

    @Test
    void aClosedTapeRecordsNoMoreOps() {
        GradientTape tape = GradientTape.record();
        tape.watch(x);
        Tensor y = Ops.square(x);
        tape.close();
        Tensor z = Ops.mul(y, 3f);
        assertArrayEquals(new float[] {0, 0, 0}, grad(tape, z, x));
        assertArrayEquals(new float[] {2, -4, 6}, grad(tape, y, x));
    }

    @Test
    void nestedTapesEachRecordWhatTheyWatch() {
        Tensor b = Tensor.vector(2f, 2f, 2f);
        try (GradientTape outer = GradientTape.record()) {
            outer.watch(x);
            Tensor y;
            try (GradientTape inner = GradientTape.record()) {
                inner.watch(x);
                inner.watch(b);
                y = Ops.mul(x, b);
                assertArrayEquals(new float[] {2, 2, 2}, grad(inner, y, x));
                assertArrayEquals(new float[] {1, -2, 3}, grad(inner, y, b));
            }
            Tensor z = Ops.square(y); // after the inner tape closed: only the outer records it
            assertArrayEquals(new float[] {2, 2, 2}, grad(outer, y, x));
            assertArrayEquals(new float[] {0, 0, 0}, grad(outer, y, b), "the outer tape does not watch b");
            assertArrayEquals(new float[] {8, -16, 24}, grad(outer, z, x)); // d/dx (2x)² = 8x
        }
    }

    @Test
    void anOuterTapeDifferentiatesTheInnerGradientForSecondOrder() {
        // The backward rules of mul and add are themselves ops, so an open outer tape records them.
        try (GradientTape outer = GradientTape.record()) {
            outer.watch(x);
            Tensor dydx;
            try (GradientTape inner = GradientTape.record()) {
                inner.watch(x);
                Tensor y = Ops.mul(Ops.mul(x, x), x); // x³
                dydx = inner.gradientOf(y, List.of(x)).get(0);
            }
            assertArrayEquals(new float[] {3, 12, 27}, dydx.toArray(), TOL); // 3x²
            assertArrayEquals(new float[] {6, -12, 18}, grad(outer, dydx, x), TOL); // 6x
        }
    }

    @Test
    void tapesBelongToTheirThread() throws Exception {
        try (GradientTape tape = GradientTape.record()) {
            tape.watch(x);
            Tensor elsewhere = CompletableFuture.supplyAsync(() -> Ops.square(x)).get();
            assertArrayEquals(new float[] {0, 0, 0}, grad(tape, elsewhere, x));
        }
    }

    @Test
    void gradientsFlowThroughMatmulIntoVariables() {
        Variable w = new Variable("dense/kernel", Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}), true);
        Tensor in = Tensor.of(new float[][] {{1, 0, 1}, {0, 1, 0}});
        try (GradientTape tape = GradientTape.record()) {
            Tensor loss = Ops.sum(Ops.matmul(in, w.value()));
            // d loss / d w[k][n] = Σ_m in[m][k]
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, tape.gradient(loss, List.of(w)).get(0).toArray());
        }
    }
}
