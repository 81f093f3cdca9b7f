package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.fail;

import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.UnaryOp;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Once the JIT has compiled the kernels, a training step's calls allocate nothing: no boxed
 * vectors, no per-call buffers. Rounds repeat until one allocates nothing, because how soon the
 * JIT finishes depends on the machine; only a kernel that keeps allocating fails.
 */
class AllocationTest {

    private static final int MAX_ROUNDS = 40;

    @Test
    void warmKernelsDoNotAllocate() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
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
        long last = -1;
        try (VectorBackend be = new VectorBackend(2)) {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 200; i++) {
                    be.dense(x, w, bias, y, 32, 784, 300, UnaryOp.RELU, 0f);
                    be.unary(UnaryOp.TANH, 0f, y, y, y.length);
                    be.unaryGrad(UnaryOp.ELU, 1f, y, y, y, y, y.length);
                    be.binary(BinaryOp.MUL, y, bias, y, y.length, 300);
                    be.softmaxCrossEntropy(logits, labels, true, probs, loss, 32, 10);
                    be.softmaxGrad(probs, probs, probs, 32, 10);
                    be.gemm(true, false, 784, 300, 32, x, y, g, false);
                    be.gemm(false, true, 32, 784, 300, y, w, dx, false);
                    be.sumRows(y, bias, 32, 300);
                    be.adamUpdate(w, g, m1, m2, w.length, 1e-6f, 0.9f, 0.999f, 1e-7f);
                }
                last = mx.getCurrentThreadAllocatedBytes() - before;
                if (last == 0) {
                    return;
                }
            }
        }
        fail("kernels still allocate " + last / 200 + " bytes per training step after " + MAX_ROUNDS + " rounds");
    }
}
