package dev.nn.api.saving;

import dev.nn.api.Variable;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.WeightBudget;
import dev.nn.api.losses.Loss;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.CompileOptions;
import dev.nn.api.models.CompileOptions.CompileOption;
import dev.nn.api.models.Model;
import dev.nn.api.optimizers.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole model to and from a file of kind {@code nn.model}: the config sections of FORMAT.md and every tensor. */
final class ModelFile {

    private ModelFile() {
    }

    // ---- saving ----------------------------------------------------------------------------

    static void save(Model model, Path path) {
        if (!model.isBuilt()) {
            throw new IllegalStateException("model '" + model.name() + "' has no weights yet: build it (an InputLayer, "
                    + "fit, predict or buildFor) before saving");
        }
        ModelVariables vars = ModelVariables.of(model);
        List<StoredTensor> tensors = WeightsFile.tensors(vars);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", LayerConfigs.of(model));
        config.put("compile", model.isCompiled() ? compileConfig(model) : null);
        config.put("optimizer_state", model.isCompiled() ? optimizerState(model.optimizer(), vars, tensors) : null);
        config.put("training", trainingState(model, vars));
        TensorFile.write(path, TensorFile.KIND_MODEL, Json.write(config), tensors);
    }

    private static Map<String, Object> compileConfig(Model model) {
        Map<String, Object> c = new LinkedHashMap<>();
        List<Object> losses = new ArrayList<>();
        model.losses().forEach(l -> losses.add(ObjectConfigs.loss(l)));
        c.put("losses", losses);
        List<Double> weights = new ArrayList<>();
        for (double w : model.lossWeights()) {
            weights.add(w);
        }
        c.put("loss_weights", weights);
        c.put("optimizer", OptimizerConfigs.config(model.optimizer()));
        c.put("metrics", metricNames(model));
        return c;
    }

    /** The metric names compile was given: every output has the same, so the first output's, without its prefix. */
    private static List<String> metricNames(Model model) {
        List<String> out = new ArrayList<>();
        String prefix = model.outputNames().size() > 1 ? model.outputNames().get(0) + "_" : "";
        for (Metric m : model.compiledMetrics().get(0)) {
            out.add(m.name().substring(prefix.length()));
        }
        return out;
    }

    /** The step count and, per variable, the names of its slots; the slots themselves go to {@code tensors}. */
    private static Map<String, Object> optimizerState(Optimizer o, ModelVariables vars, List<StoredTensor> tensors) {
        Map<String, Object> slots = new LinkedHashMap<>();
        vars.weights().forEach((name, v) -> {
            float[][] s = o.slotsOf(v);
            if (s.length > 0) {
                List<String> names = OptimizerConfigs.slotNames(o, s.length);
                for (int i = 0; i < s.length; i++) {
                    tensors.add(new StoredTensor(ModelVariables.OPTIMIZER_PREFIX + name + "/" + names.get(i), v.shape(), s[i]));
                }
                slots.put(name, names);
            }
        });
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("iterations", o.iterations());
        state.put("slots", slots);
        return state;
    }

    private static Map<String, Object> trainingState(Model model, ModelVariables vars) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("epoch", model.epochsCompleted());
        t.put("seed", model.seed());
        Map<String, Object> dropout = new LinkedHashMap<>();
        vars.layers().forEach((path, l) -> {
            if (l instanceof Dropout d) {
                long[] s = d.streamState();
                dropout.put(path, List.of(s[0], s[1]));
            }
        });
        t.put("dropout_streams", dropout);
        return t;
    }

    // ---- loading ---------------------------------------------------------------------------

    static Model load(Path path, CustomObjects custom) {
        TensorFile.Contents contents = TensorFile.read(path);
        if (!TensorFile.KIND_MODEL.equals(contents.kind())) {
            throw new ModelFileException(path, "holds weights only (written by saveWeights): build the model in code, "
                    + "then call model.loadWeights(path)");
        }
        try {
            // the file's own data bounds the weights its config may make (found by fuzzing: OOM from "units": 1e8)
            long floats = 0;
            for (StoredTensor t : contents.tensors().values()) {
                floats += t.data().length;
            }
            return WeightBudget.within(floats,
                    () -> restore(path, Config.of("nn_config", Json.parse(contents.config())), contents.tensors(), custom));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelFileException(path, "cannot rebuild the model from its config: " + e.getMessage(), e);
        }
    }

    /** Builds a fresh model and fills it; on any failure the model is dropped, so nothing is ever half loaded. */
    private static Model restore(Path path, Config config, Map<String, StoredTensor> tensors, CustomObjects custom) {
        Layer layer = LayerConfigs.create(config.object("model"), custom);
        if (!(layer instanceof Model model)) {
            throw new IllegalArgumentException("the file's top level is a " + layer.typeName() + " layer, not a model");
        }
        Config training = config.object("training");
        model.seed(training.integer("seed"));
        ModelVariables vars = ModelVariables.of(model);
        WeightAssignment.assignAll(path, vars.weights(), tensors);
        if (config.has("compile")) {
            compile(model, config.object("compile"), custom);
            restoreOptimizer(path, model.optimizer(), config.object("optimizer_state"), vars, tensors);
        }
        Config streams = training.object("dropout_streams");
        vars.layers().forEach((p, l) -> {
            if (l instanceof Dropout d) {
                long[] s = streams.longs(p);
                if (s.length != 2) {
                    throw new IllegalArgumentException("the dropout stream of '" + p + "' must be [seed, masks drawn]");
                }
                d.restoreStreamState(s[0], s[1]);
            }
        });
        model.setEpochsCompleted(training.intValue("epoch"));
        return model;
    }

    private static void compile(Model model, Config c, CustomObjects custom) {
        List<Loss> losses = new ArrayList<>();
        for (Config l : c.objects("losses")) {
            losses.add(ObjectConfigs.loss(l, custom));
        }
        double[] weights = c.numbers("loss_weights");
        List<CompileOption> options = new ArrayList<>();
        options.add(CompileOptions.losses(losses.toArray(Loss[]::new)));
        options.add(CompileOptions.lossWeights(weights));
        options.add(CompileOptions.optimizer(OptimizerConfigs.fromConfig(c.object("optimizer"), custom)));
        for (String name : c.strings("metrics")) {
            options.add(custom.has(name)
                    ? CompileOptions.metrics(custom.create(name, Metric.class, "metric"))
                    : CompileOptions.metrics(name));
        }
        model.compile(options.toArray(CompileOption[]::new));
    }

    private static void restoreOptimizer(Path path, Optimizer o, Config state, ModelVariables vars,
                                         Map<String, StoredTensor> tensors) {
        Map<Variable, float[][]> slots = new IdentityHashMap<>();
        List<String> problems = new ArrayList<>();
        Config slotNames = state.object("slots");
        for (String name : slotNames.values().keySet()) {
            Variable v = vars.weights().get(name);
            if (v == null) {
                problems.add("optimizer slots for '" + name + "', which the model does not have");
                continue;
            }
            List<String> names = slotNames.strings(name);
            float[][] s = new float[names.size()][];
            for (int i = 0; i < s.length; i++) {
                String tensor = ModelVariables.OPTIMIZER_PREFIX + name + "/" + names.get(i);
                StoredTensor t = tensors.get(tensor);
                if (t == null || t.data().length != v.size()) {
                    problems.add(t == null ? "no tensor '" + tensor + "'" : "tensor '" + tensor + "' does not have the shape of its weight");
                } else {
                    s[i] = t.data();
                }
            }
            slots.put(v, s);
        }
        if (!problems.isEmpty()) {
            throw new ModelFileException(path, "optimizer state does not fit the model: " + String.join("; ", problems));
        }
        o.restoreState(state.integer("iterations"), slots);
    }
}
