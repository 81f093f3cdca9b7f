package dev.nn.backend.vector;

import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.UnaryOp;
import java.util.Arrays;
import java.util.Random;

/**
 * Microseconds per call of the kernels that split over the pool, with 1 and 2 threads, at sizes
 * from 2,560 values (a batch of 256 rows of 10) up. Where 2 threads start to win tells what a
 * kernel costs against {@link Slices#SERIAL_WORK}; set that to 0 for a run so that every call
 * splits. Not a test: run it by hand from the repository root, with the load average noted, with
 * <pre>
 * mvn -q -pl nn-backend-vector -am test-compile
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector \
 *     -cp nn-api/target/classes:nn-backend-vector/target/classes:nn-backend-vector/target/test-classes \
 *     dev.nn.backend.vector.SplitBench [filter]
 * </pre>
 */
public final class SplitBench {

    private static final int[] SIZES = {2_560, 4_096, 8_192, 16_384, 32_768, 65_536, 262_144};
    private static final int BLOCKS = 5;
    private static final double BLOCK_SECONDS = 0.05;
    private static final double WARMUP_SECONDS = 0.3;

    private interface Kernel {
        void run(VectorBackend be, float[] a, float[] b, float[] c, float[] d, int n);
    }

    private record Case(String name, Kernel kernel) {
    }

    private static final Case[] CASES = {
        new Case("relu'", (be, a, b, c, d, n) -> be.unaryGrad(UnaryOp.RELU, 0f, a, a, b, c, n)),
        new Case("tanh", (be, a, b, c, d, n) -> be.unary(UnaryOp.TANH, 0f, a, c, n)),
        new Case("log", (be, a, b, c, d, n) -> be.unary(UnaryOp.LOG, 0f, a, c, n)),
        new Case("softplus'", (be, a, b, c, d, n) -> be.unaryGrad(UnaryOp.SOFTPLUS, 0f, a, a, b, c, n)),
        new Case("add row", (be, a, b, c, d, n) -> be.binary(BinaryOp.ADD, a, b, c, n, 256)),
        new Case("sgd", (be, a, b, c, d, n) -> be.sgdUpdate(c, b, null, n, 1e-9f, 0f, false)),
        new Case("adam", (be, a, b, c, d, n) -> be.adamUpdate(c, b, d, a, n, 1e-9f, 0.9f, 0.999f, 1e-7f)),
        new Case("sumRows x300", (be, a, b, c, d, n) -> be.sumRows(a, c, n / 300, 300)),
        new Case("xent x10", (be, a, b, c, d, n) -> be.softmaxCrossEntropy(a, d, true, c, b, n / 10, 10)),
        new Case("xent x300", (be, a, b, c, d, n) -> be.softmaxCrossEntropy(a, d, true, c, b, n / 300, 300)),
        new Case("softmax x10", (be, a, b, c, d, n) -> be.softmax(a, c, n / 10, 10)),
        new Case("softmax' x10", (be, a, b, c, d, n) -> be.softmaxGrad(a, b, c, n / 10, 10)),
    };

    private SplitBench() {
    }

    public static void main(String[] args) {
        String filter = args.length > 0 ? args[0] : "";
        System.out.println("species " + Lanes.F + ", SERIAL_WORK " + Slices.SERIAL_WORK);
        System.out.printf("%-14s %8s %10s %10s %7s%n", "kernel", "n", "1 thr us", "2 thr us", "ratio");
        try (VectorBackend one = new VectorBackend(1); VectorBackend two = new VectorBackend(2)) {
            for (Case k : CASES) {
                if (!k.name.contains(filter)) {
                    continue;
                }
                for (int n : SIZES) {
                    Random rnd = new Random(n);
                    float[] a = Close.random(rnd, n, 0f, 1f);
                    float[] b = Close.random(rnd, n, -1f, 1f);
                    float[] c = new float[n];
                    float[] d = new float[n];
                    double t1 = micros(one, k.kernel, a, b, c, d, n);
                    double t2 = micros(two, k.kernel, a, b, c, d, n);
                    System.out.printf("%-14s %8d %10.2f %10.2f %7.2f%n", k.name, n, t1, t2, t1 / t2);
                }
            }
        }
    }

    /** Median of timing blocks, after a warm-up. */
    private static double micros(VectorBackend be, Kernel k, float[] a, float[] b, float[] c, float[] d, int n) {
        long warm = System.nanoTime();
        long calls = 0;
        while (System.nanoTime() - warm < WARMUP_SECONDS * 1e9) {
            k.run(be, a, b, c, d, n);
            calls++;
        }
        long perBlock = Math.max(1, (long) (calls * BLOCK_SECONDS / WARMUP_SECONDS));
        double[] us = new double[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            long t0 = System.nanoTime();
            for (long j = 0; j < perBlock; j++) {
                k.run(be, a, b, c, d, n);
            }
            us[i] = (System.nanoTime() - t0) / 1e3 / perBlock;
        }
        Arrays.sort(us);
        return us[BLOCKS / 2];
    }
}
