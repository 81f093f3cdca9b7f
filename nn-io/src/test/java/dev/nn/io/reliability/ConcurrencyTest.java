package dev.nn.io.reliability;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nn.api.Tensor;
import dev.nn.api.backend.Backend;
import dev.nn.api.backend.Backends;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One model, many threads: {@code predict} from 8 threads at once gives the single-threaded
 * results bit for bit; one model trains while another predicts, and the trained weights are the
 * ones training alone gives; vector backends shut their worker pools down and leak no thread.
 * Runs on the default backend of this module's tests, the vector backend.
 */
@Timeout(120)
class ConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ITERATIONS = 40;

    /**
     * Big enough that the vector backend's GEMM splits across its worker pool. Only relu, linear
     * and MSE: the tanh and exp kernels give results that change by an ulp as the JIT warms up
     * (see {@link #repeatedPredictWithTanhIsBitIdentical}), which would blur what this test checks.
     */
    private static Sequential model(long seed) {
        Sequential m = new Sequential(new InputLayer(64), new Dense(128, "relu"), new Dropout(0.1),
                new Dense(64, "relu"), new Dense(10));
        m.seed(seed);
        m.compile(loss("mse"), optimizer(new Adam(0.01)));
        return m;
    }

    private static Tensor labels(int rows) {
        return new TestData(rows).normal(1f, rows, 10);
    }

    @Test
    void predictFromEightThreadsMatchesSingleThreadedResults() throws Exception {
        TestData data = new TestData(5);
        Sequential m = model(1);
        m.fit(data.normal(1f, 256, 64), labels(256), epochs(1), verbose(0));
        // every thread gets its own inputs, of several batch shapes, whose answers are known first
        List<Tensor> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Tensor x = data.normal(1f, 96 + 17 * t, 64);
            inputs.add(x);
            expected.add(m.predict(x, batchSize(64)).buffer());
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < ITERATIONS; i++) {
                        // half the time another thread's input, so threads share inputs as well as the model
                        int which = i % 2 == 0 ? thread : (thread + i) % THREADS;
                        float[] got = m.predict(inputs.get(which), batchSize(64)).buffer();
                        assertArrayEquals(expected.get(which), got, "thread " + thread + " iteration " + i);
                    }
                    return ITERATIONS;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get(100, TimeUnit.SECONDS);
            }
            assertEquals(THREADS * ITERATIONS, total);
            System.out.println("ConcurrencyTest: " + THREADS + " threads x " + ITERATIONS + " predict calls matched");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneModelTrainsWhileAnotherPredicts() throws Exception {
        TestData data = new TestData(6);
        Tensor x = data.normal(1f, 512, 64);
        Tensor y = labels(512);
        Sequential alone = model(3);
        alone.fit(x, y, epochs(3), verbose(0));

        Sequential predictor = model(4);
        predictor.fit(x, y, epochs(1), verbose(0));
        Tensor probe = data.normal(1f, 200, 64);
        float[] expected = predictor.predict(probe).buffer();

        Sequential trained = model(3);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> training = pool.submit(() -> trained.fit(x, y, epochs(3), verbose(0)));
            Future<Integer> predicting = pool.submit(() -> {
                int calls = 0;
                while (!training.isDone()) {
                    assertArrayEquals(expected, predictor.predict(probe).buffer(), "predict while training, call " + calls);
                    calls++;
                }
                return calls;
            });
            training.get(100, TimeUnit.SECONDS);
            int calls = predicting.get(100, TimeUnit.SECONDS);
            System.out.println("ConcurrencyTest: " + calls + " predict calls while the other model trained");
        } finally {
            pool.shutdownNow();
        }
        // the neighbour did not disturb training: same seed, same numbers
        for (int i = 0; i < alone.getWeights().size(); i++) {
            assertArrayEquals(alone.getWeights().get(i).buffer(), trained.getWeights().get(i).buffer(), "weight " + i);
        }
    }

    @Test
    void closedVectorBackendsLeaveNoWorkerThreads() throws Exception {
        long before = workerThreads();
        float[] a = new TestData(7).normal(1f, 256, 256).buffer();
        for (int round = 0; round < 5; round++) {
            List<Backend> backends = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                backends.add(Backends.create("vector", 2));
            }
            assertEquals(before + 3, workerThreads(), "each 2-thread backend runs one worker beside the caller");
            for (Backend be : backends) {
                be.gemm(false, false, 256, 256, 256, 1f, a, a, new float[256 * 256], false);
            }
            backends.forEach(Backend::close);
            assertEquals(before, workerThreads(), "round " + round + ": close() left worker threads running");
        }
        Backend closed = Backends.create("vector", 2);
        closed.close();
        closed.close(); // twice is harmless
        assertThrows(IllegalStateException.class,
                () -> closed.gemm(false, false, 256, 256, 256, 1f, a, a, new float[256 * 256], false));
        assertEquals(before, workerThreads());
    }

    /**
     * Same input, same model, one thread: the bits never change, also while the JIT replaces
     * interpreted kernels with compiled ones (the Vector API's own EXP/TANH did change by an ulp
     * then; the backend now computes them from basic arithmetic).
     */
    @Test
    void repeatedPredictWithTranscendentalActivationsIsBitIdentical() {
        Sequential m = new Sequential(new InputLayer(64), new Dense(128, "tanh"), new Dense(64, "elu"),
                new Dense(32, "sigmoid"), new Dense(10, "softmax"));
        m.seed(1);
        Tensor x = new TestData(5).normal(1f, 96, 64);
        float[] first = m.predict(x, batchSize(64)).buffer();
        for (int i = 0; i < 300; i++) {
            assertArrayEquals(first, m.predict(x, batchSize(64)).buffer(), "call " + i);
        }
    }

    /** Live worker threads of every vector backend in this JVM; the join in close() makes the count exact. */
    private static long workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("nn-vector-worker"))
                .count();
    }
}
