package dev.nn.bench;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.verbose;

import dev.nn.api.Tensor;
import dev.nn.api.backend.Backends;
import dev.nn.api.callbacks.Callback;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.data.FashionMnist;
import dev.nn.io.data.Split;
import dev.nn.io.data.TrainValidationTest;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Trains the Fashion-MNIST MLP 784-300-100-10 (ReLU, softmax cross-entropy, SGD 0.01, as
 * ../shared/bench/torch_mlp.py does) and prints one line of key=value pairs: samples per second
 * (median of the epochs after the first, validation excluded), test accuracy, peak resident memory.
 *
 * <p>Usage: {@code TrainingBench BATCH THREADS EPOCHS [SEED]} (bench/run.sh starts it once per setting,
 * a new JVM each, so thread counts and memory figures don't mix; the seed, 42 unless given, sets the
 * initial weights and the shuffling).
 */
public final class TrainingBench {

    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        int batch = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        Backends.use("vector", threads);
        // the book's 55,000 training images, converted from the file's bytes without a full-size float copy
        TrainValidationTest data = FashionMnist.loadWithValidation(5_000);
        Tensor x = data.train().x();
        Tensor y = data.train().y();
        Split test = data.test();
        data = null; // the validation rows go unused: let them be collected
        Sequential model = model(seed);
        EpochTimer timer = new EpochTimer();
        model.fit(x, y, epochs(epochs), batchSize(batch), callbacks(timer), verbose(0));
        double accuracy = model.evaluate(test.x(), test.y(), batchSize(1024)).get("accuracy");
        double[] rates = timer.seconds.stream().mapToDouble(s -> x.dim(0) / s).toArray();
        double steady = median(rates.length > 1 ? Arrays.copyOfRange(rates, 1, rates.length) : rates);
        System.out.printf(Locale.ROOT, "batch=%d threads=%d epochs=%d samples_per_s=%.0f first_epoch_samples_per_s=%.0f "
                        + "test_accuracy=%.4f peak_rss_mb=%.0f epochs_samples_per_s=%s epochs_jit_ms=%s%n", batch, threads, epochs,
                steady, rates[0], accuracy, Memory.peakResidentMb(),
                Arrays.stream(rates).mapToObj(r -> String.format(Locale.ROOT, "%.0f", r)).collect(Collectors.joining(",")),
                timer.jitMillis.stream().map(String::valueOf).collect(Collectors.joining(",")));
        Backends.current().close();
    }

    /** The MLP 784-300-100-10 with ReLU, compiled as torch_mlp.py trains it: SGD 0.01, softmax cross-entropy. */
    static Sequential model(long seed) {
        Sequential model = new Sequential(new InputLayer(28, 28), new Flatten(), new Dense(300, "relu"),
                new Dense(100, "relu"), new Dense(10, "softmax"));
        model.seed(seed);
        model.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(0.01)), metrics("accuracy"));
        return model;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /**
     * Wall time of each epoch's training steps (validation and callbacks after it excluded), and the
     * JIT compilers' time within it: on two cores, an epoch in which they work runs slower on two
     * threads, as the compiler threads take turns with the training threads.
     */
    private static final class EpochTimer extends Callback {
        final List<Double> seconds = new ArrayList<>();
        final List<Long> jitMillis = new ArrayList<>();
        private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        private long start;
        private long jitStart;

        @Override
        public void onEpochBegin(int epoch, Map<String, Double> logs) {
            jitStart = jit.getTotalCompilationTime();
            start = System.nanoTime();
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            seconds.add((System.nanoTime() - start) / 1e9);
            jitMillis.add(jit.getTotalCompilationTime() - jitStart);
        }
    }
}
