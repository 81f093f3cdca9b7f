package dev.nn.bench;

import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.verbose;

import dev.nn.api.Tensor;
import dev.nn.api.backend.Backend;
import dev.nn.api.backend.Backends;
import dev.nn.api.models.Sequential;
import dev.nn.io.data.FashionMnist;
import dev.nn.io.data.TrainValidationTest;
import java.util.Locale;

/**
 * Where a training step's time goes: trains the {@link TrainingBench} MLP for EPOCHS epochs, the
 * last two with every backend call timed ({@link TimedBackend}), and prints the wall time of a
 * step, the part of it spent in the backend, and the calls by kernel and shape, slowest first.
 * The timing wrapper adds about 0.1 µs a call (about 30 calls a step), and names each row after
 * stopping the clock.
 *
 * <p>Usage: {@code StepProfile BATCH THREADS EPOCHS} (EPOCHS at least 3: the first ones warm up the JIT).
 */
public final class StepProfile {

    private static final int TIMED_EPOCHS = 2;

    private StepProfile() {
    }

    public static void main(String[] args) throws Exception {
        int batch = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        if (epochs <= TIMED_EPOCHS) {
            throw new IllegalArgumentException("EPOCHS must be more than " + TIMED_EPOCHS + ", was " + epochs);
        }
        Backend vector = Backends.create("vector", threads);
        TimedBackend timed = new TimedBackend(vector);
        Backends.use(timed);
        TrainValidationTest data = FashionMnist.loadWithValidation(5_000);
        Tensor x = data.train().x();
        Tensor y = data.train().y();
        Sequential model = TrainingBench.model(42);
        model.fit(x, y, epochs(epochs - TIMED_EPOCHS), batchSize(batch), verbose(0));
        timed.start();
        long t0 = System.nanoTime();
        model.fit(x, y, epochs(TIMED_EPOCHS), batchSize(batch), verbose(0));
        double wallUs = (System.nanoTime() - t0) / 1e3;
        timed.stop();
        long steps = (long) TIMED_EPOCHS * ((x.dim(0) + batch - 1) / batch);
        System.out.printf(Locale.ROOT, "batch %d, %d thread(s), epochs %d-%d: %d steps, %.1f us a step, %.1f of them "
                + "in the backend%n", batch, threads, epochs - TIMED_EPOCHS + 1, epochs, steps, wallUs / steps,
                timed.totalNanos() / 1e3 / steps);
        System.out.print(timed.table(steps));
        vector.close();
    }
}
