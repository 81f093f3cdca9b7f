package dev.nn.backend.onnx.bench;

import static dev.nn.api.models.FitOptions.batchSize;

import dev.nn.api.Tensor;
import dev.nn.api.backend.Backend;
import dev.nn.api.backend.Backends;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.backend.onnx.runtime.OnnxModelOptions;
import dev.nn.backend.onnx.runtime.OnnxRuntimeModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Predict latency at batch 1 and throughput at batch 256 of the Fashion-MNIST MLP
 * (28×28 → 300 relu → 100 relu → 10 softmax), nn's default backend against onnxruntime, with 1
 * and 2 threads each, in one run. Prints a Markdown table. Run from the repository root:
 *
 * <pre>
 * mvn -q -pl nn-backend-onnx -am -Pbench -DskipTests test
 * </pre>
 *
 * (the {@code bench} profile of nn-backend-onnx runs this class with the test class path and
 * nn's JVM flags). Timings are wall-clock medians; no assertion is made on them.
 */
public final class OnnxBenchmark {
    private static final int LATENCY_WARMUP = 500;
    private static final int LATENCY_CALLS = 3000;
    private static final int THROUGHPUT_BATCH = 256;
    private static final int THROUGHPUT_WARMUP = 20;
    private static final int THROUGHPUT_CALLS = 100;

    private OnnxBenchmark() {
    }

    /** One row of the table. */
    private record Result(String runtime, int threads, double medianMicros, double p90Micros, double rowsPerSecond) {
        String row() {
            return String.format("| %-28s | %7d | %17.1f | %6.1f | %16.0f |",
                    runtime, threads, medianMicros, p90Micros, rowsPerSecond);
        }
    }

    public static void main(String[] args) {
        Sequential model = new Sequential(new InputLayer(28, 28), new Flatten(),
                new Dense(300, "relu"), new Dense(100, "relu"), new Dense(10, "softmax"));
        model.seed(42);
        Tensor one = images(1);
        Tensor batch = images(THROUGHPUT_BATCH);
        String backend = Backends.current().name();
        List<Result> results = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            Backend nn = Backends.use(backend, threads);
            results.add(measure("nn " + nn.name() + " predict", nn.threads(),
                    x -> model.predict(x, batchSize(THROUGHPUT_BATCH)), one, batch));
        }
        for (int threads : new int[] {1, 2}) {
            OnnxModelOptions options = OnnxModelOptions.defaults().withIntraOpThreads(threads).withInterOpThreads(1);
            try (OnnxRuntimeModel ort = OnnxRuntimeModel.of(model, options)) {
                results.add(measure("OnnxRuntimeModel predict", threads, ort::predict, one, batch));
            }
        }
        System.out.printf("Fashion-MNIST MLP (266,610 parameters), Java %s, %d cores%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        System.out.println("| runtime                      | threads | batch 1 median µs | p90 µs | batch 256 rows/s |");
        System.out.println("|------------------------------|---------|-------------------|--------|------------------|");
        results.forEach(r -> System.out.println(r.row()));
    }

    private static Result measure(String runtime, int threads, UnaryOperator<Tensor> predict, Tensor one, Tensor batch) {
        for (int i = 0; i < LATENCY_WARMUP; i++) {
            predict.apply(one);
        }
        long[] nanos = new long[LATENCY_CALLS];
        for (int i = 0; i < LATENCY_CALLS; i++) {
            long start = System.nanoTime();
            predict.apply(one);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        for (int i = 0; i < THROUGHPUT_WARMUP; i++) {
            predict.apply(batch);
        }
        long start = System.nanoTime();
        for (int i = 0; i < THROUGHPUT_CALLS; i++) {
            predict.apply(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(runtime, threads, nanos[LATENCY_CALLS / 2] / 1e3, nanos[LATENCY_CALLS * 9 / 10] / 1e3,
                THROUGHPUT_CALLS * THROUGHPUT_BATCH / seconds);
    }

    /** Pixel-like inputs in [0, 1), seeded. */
    private static Tensor images(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        float[] x = new float[n * 28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        return Tensor.wrap(x, n, 28, 28);
    }
}
