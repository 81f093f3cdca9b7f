package dev.nn.backend.vector;

import java.util.Arrays;
import java.util.Random;

/**
 * GEMM throughput at the MLP's shapes and at 1024³ / 2048³, for 1 and 2 threads, printed in the
 * same format as {@code /work/shared/bench/matmul_bench.py} (median and best of timing blocks).
 * Not a test: run it by hand from the repository root with
 * <pre>
 * mvn -q -pl nn-backend-vector -am test-compile
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector \
 *     -cp nn-api/target/classes:nn-backend-vector/target/classes:nn-backend-vector/target/test-classes \
 *     dev.nn.backend.vector.GemmBench [threads,...] [filter]
 * </pre>
 * The optional first argument lists thread counts (default "1,2"); the second keeps only the
 * shapes whose name contains it.
 *
 * <p>The peer, OpenBLAS through numpy (and torch for the MLP shapes, whose layouts differ from
 * these but whose flop counts match), run right after in the same session:
 * <pre>
 * OPENBLAS_NUM_THREADS=T OMP_WAIT_POLICY=PASSIVE OPENBLAS_CORETYPE=SkylakeX \
 *     /usr/bin/python3 /work/shared/bench/matmul_bench.py --lib numpy --threads T \
 *     --sizes 1024,2048 --mlp --batches 32,256
 * </pre>
 * On the VM this was written on, OpenBLAS detects the CPU as "Prescott" (about 35 GFLOP/s)
 * unless OPENBLAS_CORETYPE is set, and Debian's numpy used the netlib reference BLAS
 * (about 5 GFLOP/s) until libopenblas0-pthread was put on LD_LIBRARY_PATH. Other processes on
 * a 2-core machine change the 2-thread figures by a factor of 2 or more: note the load average.
 */
public final class GemmBench {

    private static final int BLOCKS = 5;
    private static final double MIN_BLOCK_SECONDS = 0.2;
    /** Long enough for the JIT to finish compiling the kernels before anything is timed. */
    private static final double WARMUP_SECONDS = 2;

    private record Shape(String name, boolean transA, boolean transB, int m, int n, int k) {
    }

    private static final Shape[] SHAPES = {
        new Shape("B32 fwd x·W (784->300)", false, false, 32, 300, 784),
        new Shape("B32 dW = xᵀ·dy (784->300)", true, false, 784, 300, 32),
        new Shape("B32 dx = dy·Wᵀ (784->300)", false, true, 32, 784, 300),
        new Shape("B256 fwd x·W (784->300)", false, false, 256, 300, 784),
        new Shape("B256 dW = xᵀ·dy (784->300)", true, false, 784, 300, 256),
        new Shape("B256 dx = dy·Wᵀ (784->300)", false, true, 256, 784, 300),
        // the second layer (300 -> 100) at batch 32 and the output layer (100 -> 10) at batch 256:
        // no peer in the table, for nn's own tuning
        new Shape("B32 hidden fwd x·W (300->100)", false, false, 32, 100, 300),
        new Shape("B32 hidden dW = xᵀ·dy (300->100)", true, false, 300, 100, 32),
        new Shape("B32 hidden dx = dy·Wᵀ (300->100)", false, true, 32, 300, 100),
        new Shape("B256 out fwd x·W (100->10)", false, false, 256, 10, 100),
        new Shape("B256 out dW = xᵀ·dy (100->10)", true, false, 100, 10, 256),
        new Shape("B256 out dx = dy·Wᵀ (100->10)", false, true, 256, 100, 10),
        new Shape("square 1024", false, false, 1024, 1024, 1024),
        new Shape("square 2048", false, false, 2048, 2048, 2048),
    };

    private GemmBench() {
    }

    public static void main(String[] args) {
        String[] threadList = (args.length > 0 ? args[0] : "1,2").split(",");
        String filter = args.length > 1 ? args[1] : "";
        System.out.println("species " + Lanes.F + ", tile " + GemmShape.MR + "x" + GemmShape.NR
                + ", KC " + GemmShape.KC + ", MC " + GemmShape.MC + ", NC " + GemmShape.NC);
        for (String t : threadList) {
            int threads = Integer.parseInt(t.trim());
            System.out.println("threads=" + threads);
            try (VectorBackend be = new VectorBackend(threads)) {
                for (Shape s : SHAPES) {
                    if (s.name.contains(filter)) {
                        run(be, s);
                    }
                }
            }
        }
    }

    private static void run(VectorBackend be, Shape s) {
        Random rnd = new Random(1);
        float[] a = Close.random(rnd, s.m * s.k, -1f, 1f);
        float[] b = Close.random(rnd, s.k * s.n, -1f, 1f);
        float[] c = new float[s.m * s.n];
        Runnable call = () -> be.gemm(s.transA, s.transB, s.m, s.n, s.k, 1f, a, b, c, false);
        double flops = 2.0 * s.m * s.n * s.k;
        long warm = System.nanoTime();
        while (System.nanoTime() - warm < WARMUP_SECONDS * 1e9) {
            call.run();
        }
        long iterations = 1;
        while (time(call, iterations) < MIN_BLOCK_SECONDS) {
            iterations *= 2;
        }
        double[] rates = new double[BLOCKS];
        double seconds = 0;
        for (int i = 0; i < BLOCKS; i++) {
            seconds = time(call, iterations);
            rates[i] = flops * iterations / seconds / 1e9;
        }
        Arrays.sort(rates);
        System.out.printf("%-30s M=%5d K=%5d N=%5d  median %7.1f  best %7.1f GFLOP/s  (%9.1f us/call)%n",
                s.name, s.m, s.k, s.n, rates[BLOCKS / 2], rates[BLOCKS - 1], seconds / iterations * 1e6);
    }

    private static double time(Runnable call, long iterations) {
        long t0 = System.nanoTime();
        for (long i = 0; i < iterations; i++) {
            call.run();
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
