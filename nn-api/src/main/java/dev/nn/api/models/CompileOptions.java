package dev.nn.api.models;

import dev.nn.api.losses.Loss;
import dev.nn.api.losses.Losses;
import dev.nn.api.metrics.Metric;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@link Model#compile}, to import statically:
 * {@code model.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(0.01)), metrics("accuracy"))}.
 */
public final class CompileOptions {

    private CompileOptions() {
    }

    /** One compile option. */
    @FunctionalInterface
    public interface CompileOption {
        void applyTo(Settings settings);
    }

    /** The loss for every output, by Keras name. */
    public static CompileOption loss(String name) {
        return s -> s.loss = Losses.get(name);
    }

    /** The loss for every output. */
    public static CompileOption loss(Loss loss) {
        return s -> s.loss = loss;
    }

    /** One loss per output, by output name (a model with several outputs). */
    public static CompileOption losses(Map<String, Loss> byOutput) {
        return s -> s.lossByOutput = new LinkedHashMap<>(byOutput);
    }

    /** One loss per output, in output order. */
    public static CompileOption losses(Loss... inOrder) {
        return s -> s.lossList = List.of(inOrder);
    }

    /** Weights of each output's loss in the total, in output order. */
    public static CompileOption lossWeights(double... weights) {
        return s -> s.lossWeights = weights.clone();
    }

    /** Weights of each output's loss in the total, by output name ({@code Map.of("output", 0.9, "aux_output", 0.1)}). */
    public static CompileOption lossWeights(Map<String, Double> byOutput) {
        return s -> s.lossWeightsByOutput = new LinkedHashMap<>(byOutput);
    }

    public static CompileOption optimizer(String name) {
        return s -> s.optimizer = Optimizers.get(name);
    }

    public static CompileOption optimizer(Optimizer optimizer) {
        return s -> s.optimizer = optimizer;
    }

    /** Metrics by Keras name ("accuracy", "mae", "rmse", ...), for every output. */
    public static CompileOption metrics(String... names) {
        return s -> s.metricNames.addAll(Arrays.asList(names));
    }

    /** Metrics by Keras name for some outputs, by output name; logged as {@code <output>_<metric>}. */
    public static CompileOption metrics(Map<String, List<String>> byOutput) {
        return s -> s.metricNamesByOutput = new LinkedHashMap<>(byOutput);
    }

    /** Metric objects, for every output. */
    public static CompileOption metrics(Metric... metrics) {
        return s -> s.metricObjects.addAll(Arrays.asList(metrics));
    }

    /** Collected options; read by the model. */
    public static final class Settings {
        Loss loss;
        Map<String, Loss> lossByOutput;
        List<Loss> lossList;
        double[] lossWeights;
        Map<String, Double> lossWeightsByOutput;
        Map<String, List<String>> metricNamesByOutput;
        Optimizer optimizer;
        final List<String> metricNames = new ArrayList<>();
        final List<Metric> metricObjects = new ArrayList<>();

        Settings() {
        }
    }
}
