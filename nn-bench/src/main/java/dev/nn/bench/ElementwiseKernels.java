package dev.nn.bench;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.Backends;
import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.UnaryOp;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vector backend's element-wise, softmax, reduction and optimizer kernels under JMH, on 1 and
 * 2 threads, from 2,560 values (a batch of 256 rows of 10) up: where two threads start to win
 * says whether the backend's threshold for splitting a kernel over the pool is right. Run with
 * {@code bash bench/kernels.sh ElementwiseKernels}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// the cross-entropy over rows of 10 still ran at 78 us a call after 0.5 s, at 8 after 1 s
@Warmup(iterations = 4, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--sun-misc-unsafe-memory-access=allow"})
public class ElementwiseKernels {

    /** One call of a kernel over n values; a, b, c, d hold n values each. */
    interface Call {
        void run(Backend be, float[] a, float[] b, float[] c, float[] d, int n);
    }

    /** The kernels timed, each as one call of the backend. */
    public enum Kernel {
        RELU_GRAD((be, a, b, c, d, n) -> be.unaryGrad(UnaryOp.RELU, 0f, a, a, b, c, n)),
        TANH((be, a, b, c, d, n) -> be.unary(UnaryOp.TANH, 0f, a, c, n)),
        LOG((be, a, b, c, d, n) -> be.unary(UnaryOp.LOG, 0f, a, c, n)),
        SOFTPLUS_GRAD((be, a, b, c, d, n) -> be.unaryGrad(UnaryOp.SOFTPLUS, 0f, a, a, b, c, n)),
        ADD_ROW((be, a, b, c, d, n) -> be.binary(BinaryOp.ADD, a, b, c, n, 256)),
        SGD((be, a, b, c, d, n) -> be.sgdUpdate(c, b, null, n, 1e-9f, 0f, false)),
        ADAM((be, a, b, c, d, n) -> be.adamUpdate(c, b, d, a, n, 1e-9f, 0.9f, 0.999f, 1e-7f)),
        SUM_ROWS_300((be, a, b, c, d, n) -> be.sumRows(a, c, n / 300, 300)),
        CROSS_ENTROPY_10((be, a, b, c, d, n) -> be.softmaxCrossEntropy(a, d, true, c, b, n / 10, 10)),
        CROSS_ENTROPY_300((be, a, b, c, d, n) -> be.softmaxCrossEntropy(a, d, true, c, b, n / 300, 300)),
        SOFTMAX_10((be, a, b, c, d, n) -> be.softmax(a, c, n / 10, 10)),
        SOFTMAX_GRAD_10((be, a, b, c, d, n) -> be.softmaxGrad(a, b, c, n / 10, 10));

        private final Call call;

        Kernel(Call call) {
            this.call = call;
        }

        void run(Backend be, float[] a, float[] b, float[] c, float[] d, int n) {
            call.run(be, a, b, c, d, n);
        }
    }

    @Param
    public Kernel kernel;

    /** Multiples of 300 and 10 apart from the first, so that the row kernels see whole rows. */
    @Param({"2560", "32700", "262200"})
    public int size;

    @Param({"1", "2"})
    public int threads;

    private Backend backend;
    private float[] a;
    private float[] b;
    private float[] c;
    private float[] d;

    @Setup(Level.Trial)
    public void setUp() {
        backend = Backends.create("vector", threads);
        Random rnd = new Random(size);
        a = new float[size];
        b = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = 1f - rnd.nextFloat(); // in (0, 1]: the log of 0 would be -inf
            b[i] = rnd.nextFloat() * 2f - 1f;
        }
        c = new float[size];
        d = new float[size]; // zeros: class 0 for the cross-entropy's sparse targets
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    @Benchmark
    public float[] call() {
        kernel.run(backend, a, b, c, d, size);
        return c;
    }
}
