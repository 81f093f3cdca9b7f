package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.UnaryOp;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Once the JIT has compiled the kernels, a training step's calls allocate nothing: no boxed
 * vectors, no per-call buffers, on the calling thread or on the pool's worker. Most batch-32
 * calls stay on the caller; the batch-256 calls are big enough to be split; products of at most four
 * rows go through their own path. Rounds
 * repeat until one allocates nothing, because how soon the JIT finishes depends on the machine
 * and its load; only a kernel that keeps allocating fails, and the message says which call it was.
 */
class AllocationTest {

    private static final long GIVE_UP_NANOS = 60_000_000_000L;
    private static final int STEPS = 200;

    private final com.sun.management.ThreadMXBean mx =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long[] perCall = new long[17];
    private long mark;

    /** Charges what was allocated since the previous call to the given kernel. */
    private void charge(int call) {
        long now = mx.getCurrentThreadAllocatedBytes();
        perCall[call] += now - mark;
        mark = mx.getCurrentThreadAllocatedBytes();
    }

    @Test
    void warmKernelsDoNotAllocate() {
        Random rnd = new Random(9);
        float[] x = Close.random(rnd, 32 * 784, -1f, 1f);
        float[] w = Close.random(rnd, 784 * 300, -0.1f, 0.1f);
        float[] g = Close.random(rnd, 784 * 300, -0.1f, 0.1f);
        float[] m1 = new float[784 * 300];
        float[] m2 = new float[784 * 300];
        float[] bias = new float[300];
        float[] y = new float[32 * 300];
        float[] dx = new float[32 * 784];
        float[] logits = Close.random(rnd, 32 * 10, -3f, 3f);
        float[] labels = new float[32];
        float[] probs = new float[32 * 10];
        float[] loss = new float[32];
        float[] y256 = Close.random(rnd, 256 * 300, -1f, 1f);
        float[] dy256 = Close.random(rnd, 256 * 300, -1f, 1f);
        float[] out256 = new float[256 * 300];
        float[] logits4k = Close.random(rnd, 4096 * 10, -3f, 3f);
        float[] labels4k = new float[4096];
        float[] probs4k = new float[4096 * 10];
        float[] loss4k = new float[4096];
        long start = System.nanoTime();
        try (VectorBackend be = new VectorBackend(2)) {
            long[] workers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("nn-vector-worker-")).mapToLong(Thread::threadId).toArray();
            assertTrue(workers.length > 0, "no worker thread found by name");
            long workerBytes = 0;
            while (System.nanoTime() - start < GIVE_UP_NANOS) {
                Arrays.fill(perCall, 0);
                long workerMark = Arrays.stream(mx.getThreadAllocatedBytes(workers)).sum();
                mark = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < STEPS; i++) {
                    be.dense(x, w, bias, y, 32, 784, 300, UnaryOp.RELU, 0f);
                    charge(0);
                    be.unary(UnaryOp.TANH, 0f, y, y, y.length);
                    charge(1);
                    be.unaryGrad(UnaryOp.ELU, 1f, y, y, y, y, y.length);
                    charge(2);
                    be.binary(BinaryOp.MUL, y, bias, y, y.length, 300);
                    charge(3);
                    be.softmaxCrossEntropy(logits, labels, true, probs, loss, 32, 10);
                    charge(4);
                    be.softmaxGrad(probs, probs, probs, 32, 10);
                    charge(5);
                    be.gemm(true, false, 784, 300, 32, 1f, x, y, g, false);
                    charge(6);
                    be.gemm(false, true, 32, 784, 300, 1f, y, w, dx, false);
                    charge(7);
                    be.sumRows(y, bias, 32, 300);
                    charge(8);
                    be.adamUpdate(w, g, m1, m2, w.length, 1e-6f, 0.9f, 0.999f, 1e-7f);
                    charge(9);
                    be.unaryGrad(UnaryOp.RELU, 0f, y256, y256, dy256, dy256, y256.length);
                    charge(10);
                    be.sumRows(dy256, bias, 256, 300);
                    charge(11);
                    be.sgdUpdate(w, g, m1, w.length, 1e-6f, 0.9f, false);
                    charge(12);
                    be.softmaxCrossEntropy(logits4k, labels4k, true, probs4k, loss4k, 4096, 10);
                    charge(13);
                    be.binary(BinaryOp.MUL, dy256, bias, out256, out256.length, 300);
                    charge(14);
                    // few rows take their own path: a 4-input layer's weight gradient, a one-row prediction
                    be.gemm(true, false, 4, 300, 32, 1f, x, y, g, true);
                    charge(15);
                    be.gemm(false, false, 1, 100, 300, 1f, y, w, dx, false);
                    charge(16);
                }
                workerBytes = Arrays.stream(mx.getThreadAllocatedBytes(workers)).sum() - workerMark;
                if (Arrays.stream(perCall).allMatch(b -> b == 0) && workerBytes == 0) {
                    return;
                }
            }
            fail("after a minute, calls of a training step still allocate (bytes over " + STEPS + " steps, in the order"
                    + " dense, tanh, elu', mul, cross-entropy, softmax', xᵀ·dy, dy·Wᵀ, sumRows, adam, then split:"
                    + " relu', sumRows, momentum, cross-entropy, mul, then few rows: 4-row xᵀ·dy, 1-row x·W): " + Arrays.toString(perCall)
                    + "; on the worker: " + workerBytes);
        }
    }
}
