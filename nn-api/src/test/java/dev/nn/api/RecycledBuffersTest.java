package dev.nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecycledBuffersTest {

    @Test
    void withoutAScopeEveryArrayIsFresh() {
        assertNotSame(RecycledBuffers.take(8), RecycledBuffers.take(8));
    }

    @Test
    void theNextScopeGetsTheLastScopesArraysBySize() {
        RecycledBuffers buffers = new RecycledBuffers();
        float[] a;
        float[] b;
        try (RecycledBuffers.Scope s = buffers.open()) {
            a = RecycledBuffers.take(8);
            b = RecycledBuffers.take(3);
            assertNotSame(a, RecycledBuffers.take(8), "an array is handed out once per scope");
        }
        try (RecycledBuffers.Scope s = buffers.open()) {
            assertSame(b, RecycledBuffers.take(3));
            float[] eight = RecycledBuffers.take(8);
            assertEquals(8, eight.length);
        }
        float[] outside = RecycledBuffers.take(8);
        assertNotSame(a, outside, "closed scopes hand nothing out");
    }

    @Test
    void arraysUnusedForAWholeScopeAreDropped() {
        RecycledBuffers buffers = new RecycledBuffers();
        float[] a;
        try (RecycledBuffers.Scope s = buffers.open()) {
            a = RecycledBuffers.take(5);
        }
        try (RecycledBuffers.Scope s = buffers.open()) {
            RecycledBuffers.take(6);
        }
        try (RecycledBuffers.Scope s = buffers.open()) {
            assertNotSame(a, RecycledBuffers.take(5), "kept at most one scope back");
        }
    }

    @Test
    void oneScopePerThreadClosedWhereItWasOpened() throws Exception {
        RecycledBuffers buffers = new RecycledBuffers();
        RecycledBuffers.Scope scope = buffers.open();
        assertThrows(IllegalStateException.class, buffers::open);
        assertThrows(IllegalStateException.class, () -> new RecycledBuffers().open());
        AtomicReference<Throwable> other = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                scope.close();
            } catch (Throwable e) {
                other.set(e);
            }
        });
        t.start();
        t.join();
        assertSame(IllegalStateException.class, other.get().getClass());
        scope.close();
        try (RecycledBuffers.Scope again = buffers.open()) {
            RecycledBuffers.take(1);
        }
    }

    @Test
    void gradientsInsideAScopeMatchFreshOnes() {
        Variable w = new Variable("w", Tensor.of(new float[] {0.5f, -1f, 2f, 0.25f, 1.5f, -0.75f}, 3, 2), true);
        Tensor x = Tensor.of(new float[] {1f, 2f, 3f, -1f, 0.5f, 4f}, 2, 3);
        float[] fresh = gradient(w, x);
        RecycledBuffers buffers = new RecycledBuffers();
        for (int step = 0; step < 3; step++) {
            try (RecycledBuffers.Scope s = buffers.open()) {
                assertArrayEquals(fresh, gradient(w, x));
            }
        }
    }

    private static float[] gradient(Variable w, Tensor x) {
        try (GradientTape tape = GradientTape.record()) {
            Tensor loss = Ops.sum(Ops.relu(Ops.matmul(x, w.value())));
            return tape.gradient(loss, List.of(w)).get(0).buffer().clone();
        }
    }
}
