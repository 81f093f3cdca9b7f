package dev.nn.bench;

import static dev.nn.api.models.FitOptions.batchSize;

import dev.nn.api.Tensor;
import dev.nn.api.backend.Backends;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.backend.onnx.runtime.OnnxModelOptions;
import dev.nn.backend.onnx.runtime.OnnxRuntimeModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Prediction speed of the Fashion-MNIST MLP: latency at batch 1 (median of 2,000 calls after
 * 20,000 warm-up calls) and throughput at batch 256 (median and best of twenty blocks of 50 calls
 * after two seconds of warm-up), for nn's vector backend and for the same model
 * on onnxruntime, with the given thread count. Usage: {@code PredictBench THREADS}.
 */
public final class PredictBench {

    private PredictBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        Backends.use("vector", threads);
        Sequential model = new Sequential(new InputLayer(28, 28), new Flatten(), new Dense(300, "relu"),
                new Dense(100, "relu"), new Dense(10, "softmax"));
        model.seed(1);
        Tensor one = random(1);
        Tensor many = random(256);
        report("nn", threads, x -> model.predict(x, batchSize(256)), one, many);
        try (OnnxRuntimeModel ort = OnnxRuntimeModel.of(model, new OnnxModelOptions(threads, 1))) {
            report("onnxruntime", threads, ort::predict, one, many);
        }
        Backends.current().close();
    }

    private static void report(String runtime, int threads, Function<Tensor, Tensor> predict, Tensor one, Tensor many) {
        for (int i = 0; i < 20_000; i++) {
            predict.apply(one); // enough calls for the JIT's final tier on every kernel
        }
        double[] micros = new double[2000];
        for (int i = 0; i < micros.length; i++) {
            long t = System.nanoTime();
            predict.apply(one);
            micros[i] = (System.nanoTime() - t) / 1e3;
        }
        // Batch 256 takes the packed GEMM path, which the one-row calls above never ran: warm it for
        // two seconds (20 calls left it half interpreted), then time twenty blocks. Both the median
        // and the best block are printed: onnxruntime 1.23 runs stretches of seconds at about a
        // third of its usual speed (seen in a loop of its own, not in nn's), and the median alone
        // would show that as its speed.
        long warm = System.nanoTime();
        while (System.nanoTime() - warm < 2_000_000_000L) {
            predict.apply(many);
        }
        double[] rates = new double[20];
        for (int b = 0; b < rates.length; b++) {
            int calls = 50;
            long t = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                predict.apply(many);
            }
            rates[b] = calls * 256 / ((System.nanoTime() - t) / 1e9);
        }
        double rowsPerSecond = TrainingBench.median(rates);
        double best = Arrays.stream(rates).max().orElseThrow();
        System.out.printf(Locale.ROOT, "runtime=%s threads=%d batch1_median_us=%.1f batch256_rows_per_s=%.0f "
                + "batch256_best_rows_per_s=%.0f%n", runtime, threads, TrainingBench.median(micros), rowsPerSecond, best);
    }

    private static Tensor random(int rows) {
        SplittableRandom r = new SplittableRandom(rows);
        float[] v = new float[rows * 784];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble();
        }
        return Tensor.wrap(v, rows, 28, 28);
    }
}
