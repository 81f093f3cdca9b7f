package dev.nn.api.models;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.Callback;
import dev.nn.api.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The options of {@link Model#fit}, {@link Model#evaluate} and {@link Model#predict}, to import
 * statically: {@code model.fit(x, y, epochs(30), validationData(xv, yv))}.
 */
public final class FitOptions {

    private FitOptions() {
    }

    /** One option. */
    @FunctionalInterface
    public interface FitOption {
        void applyTo(Settings settings);
    }

    public static FitOption epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        return s -> s.epochs = epochs;
    }

    /** Examples per gradient step; 32 by default. */
    public static FitOption batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        return s -> s.batchSize = batchSize;
    }

    /** Data to evaluate at the end of each epoch (logged with a "val_" prefix). */
    public static FitOption validationData(Tensor x, Tensor y) {
        return s -> {
            s.validationX = List.of(x);
            s.validationY = List.of(y);
        };
    }

    /** Validation data for a model with several inputs or outputs. */
    public static FitOption validationData(List<Tensor> xs, List<Tensor> ys) {
        return s -> {
            s.validationX = List.copyOf(xs);
            s.validationY = List.copyOf(ys);
        };
    }

    /** Validation data by input and output name, for {@code fit} with data by name. */
    public static FitOption validationData(Map<String, Tensor> x, Map<String, Tensor> y) {
        return s -> {
            s.validationXByName = Map.copyOf(x);
            s.validationYByName = Map.copyOf(y);
        };
    }

    /** A batched Dataset to evaluate at the end of each epoch. */
    public static FitOption validationData(Dataset data) {
        return s -> s.validationDataset = data;
    }

    /** Holds out the last fraction of the training data (before shuffling) for validation. */
    public static FitOption validationSplit(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split must be in (0, 1), got " + fraction);
        }
        return s -> s.validationSplit = fraction;
    }

    /** Whether to shuffle the training data each epoch (default true). */
    public static FitOption shuffle(boolean shuffle) {
        return s -> s.shuffle = shuffle;
    }

    /** Weights of each class's examples in the loss, by class index. */
    public static FitOption classWeight(Map<Integer, Double> weights) {
        return s -> s.classWeight = Map.copyOf(weights);
    }

    /** A weight per training example, shape (n). */
    public static FitOption sampleWeight(Tensor weights) {
        return s -> s.sampleWeight = weights;
    }

    public static FitOption callbacks(Callback... callbacks) {
        return s -> s.callbacks.addAll(Arrays.asList(callbacks));
    }

    public static FitOption callbacks(List<? extends Callback> callbacks) {
        return s -> s.callbacks.addAll(callbacks);
    }

    /** 0 silent, 1 progress bar, 2 one line per epoch. */
    public static FitOption verbose(int level) {
        if (level < 0 || level > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2, got " + level);
        }
        return s -> s.verbose = level;
    }

    /** The epoch to start counting from, to resume training. */
    public static FitOption initialEpoch(int epoch) {
        return s -> s.initialEpoch = epoch;
    }

    /** Collected options; read by the model. */
    public static final class Settings {
        int epochs = 1;
        int batchSize = 32;
        List<Tensor> validationX;
        List<Tensor> validationY;
        Map<String, Tensor> validationXByName;
        Dataset validationDataset;
        Map<String, Tensor> validationYByName;
        double validationSplit;
        boolean shuffle = true;
        Map<Integer, Double> classWeight;
        Tensor sampleWeight;
        final List<Callback> callbacks = new ArrayList<>();
        int verbose = 1;
        int initialEpoch;

        Settings() {
        }

        static Settings of(FitOption... options) {
            Settings s = new Settings();
            for (FitOption o : options) {
                o.applyTo(s);
            }
            return s;
        }
    }
}
