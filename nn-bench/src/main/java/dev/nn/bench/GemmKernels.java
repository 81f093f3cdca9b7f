package dev.nn.bench;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.Backends;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The vector backend's GEMM under JMH, one shape and thread count per fork. {@link GemmBench}
 * runs it for bench/run.sh and prints GFLOP/s; {@code bash bench/kernels.sh GemmKernels -p
 * shape=SQUARE_1024 -p threads=1,2} gives JMH's own table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow"})
public class GemmKernels {

    @Param
    public GemmShapes shape;

    @Param({"1"})
    public int threads;

    private Backend backend;
    /** Package-private so that a test can check the product against them. */
    float[] a;
    float[] b;
    private float[] c;

    @Setup(Level.Trial)
    public void setUp() {
        GemmShapes.Product p = shape.product();
        backend = Backends.create("vector", threads);
        Random rnd = new Random(1);
        a = random(rnd, p.m() * p.k());
        b = random(rnd, p.k() * p.n());
        c = new float[p.m() * p.n()];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    /** C = op(A)·op(B); C is the state's own array, so the JIT cannot drop the call. */
    @Benchmark
    public float[] gemm() {
        GemmShapes.Product p = shape.product();
        backend.gemm(p.transA(), p.transB(), p.m(), p.n(), p.k(), 1f, a, b, c, false);
        return c;
    }

    private static float[] random(Random rnd, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = rnd.nextFloat() * 2f - 1f;
        }
        return v;
    }
}
