package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.Backends;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("nn-vector-worker-"))
                .count();
    }

    @Test
    void closeStopsEveryWorker() {
        long before = workerThreads();
        VectorBackend be = new VectorBackend(2);
        assertEquals(before + 1, workerThreads(), "two threads = the caller and one worker");
        float[] a = Close.random(new Random(1), 128 * 128, -1f, 1f);
        float[] c = new float[128 * 128];
        be.gemm(false, false, 128, 128, 128, 1f, a, a, c, false);
        be.close();
        assertEquals(before, workerThreads(), "close() left worker threads running");
        assertThrows(IllegalStateException.class, () -> be.gemm(false, false, 128, 128, 128, 1f, a, a, c, false));
    }

    @Test
    void shortArraysAreRejectedAndTheBackendKeepsWorking() {
        try (VectorBackend be = new VectorBackend(2); VectorBackend single = new VectorBackend(1)) {
            float[] a = Close.random(new Random(2), 64 * 64, -1f, 1f);
            assertThrows(IllegalArgumentException.class,
                    () -> be.gemm(false, false, 64, 64, 64, 1f, a, a, new float[10], false));
            float[] want = new float[64 * 64];
            float[] got = new float[64 * 64];
            single.gemm(false, false, 64, 64, 64, 1f, a, a, want, false);
            be.gemm(false, false, 64, 64, 64, 1f, a, a, got, false);
            assertArrayEquals(want, got, 0f);
        }
    }

    @Test
    void aFailingPartIsReportedAndEveryPartOfTheNextRunRunsOnce() {
        try (WorkerPool pool = new WorkerPool(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run((part, thread) -> {
                if (part == 1) {
                    throw new ArithmeticException("part 1 fails");
                }
            }, 2));
            assertEquals(ArithmeticException.class, e.getCause().getClass());
            int[] ran = new int[2];
            pool.run((part, thread) -> ran[part]++, 2);
            assertArrayEquals(new int[] {1, 1}, ran);
        }
    }

    @Test
    void zeroThreadsMeansOnePerCore() {
        try (VectorBackend be = new VectorBackend(0)) {
            assertEquals(Runtime.getRuntime().availableProcessors(), be.threads());
        }
    }

    @Test
    void providerIsFoundAndAvailableWithTheModule() {
        VectorBackendProvider p = new VectorBackendProvider();
        assertEquals("vector", p.name());
        assertEquals(10, p.priority());
        assertNull(p.unavailableReason(), "tests run with --add-modules jdk.incubator.vector");
        try (Backend be = Backends.create("vector", 1)) {
            assertEquals("vector", be.name());
            assertEquals(1, be.threads());
        }
    }
}
