package dev.nn.api.models;

import dev.nn.api.Ops;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.callbacks.History;
import dev.nn.api.data.Dataset;
import dev.nn.api.layers.Layer;
import dev.nn.api.losses.Loss;
import dev.nn.api.metrics.Metric;
import dev.nn.api.models.CompileOptions.CompileOption;
import dev.nn.api.models.FitOptions.FitOption;
import dev.nn.api.saving.Models;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A trainable network: layers plus {@code compile}, {@code fit}, {@code evaluate},
 * {@code predict} and {@code summary}. A model is also a layer, so it can be used inside another.
 *
 * <p>Three ways to make one: {@link Sequential}, {@link Functional}, or a subclass of Model that
 * creates its layers in the constructor and overrides {@link #call(List, boolean)} (or
 * {@link #call(Tensor, boolean)} for one input and one output) in plain Java:
 *
 * <pre>{@code
 * class WideAndDeep extends Model {
 *     private final Dense hidden = new Dense(30, "relu");
 *     private final Dense output = new Dense(1);
 *
 *     protected List<Tensor> call(List<Tensor> in, boolean training) {
 *         Tensor deep = hidden.apply(List.of(in.get(1)), training);
 *         return List.of(output.apply(Layers.concatenate(in.get(0), deep)));
 *     }
 * }
 * }</pre>
 *
 * A subclassed model is built on first use (fit, predict, {@link #buildFor}) by tracing
 * {@code call} on symbolic inputs: the layers it calls become the model's layers and weights.
 * They are found from the traced calls rather than by reflection on fields, so layers kept in
 * local variables, lists or helper objects count too, no package has to be opened to nn, and
 * the names follow the order of the calls.
 *
 * <p>A model's seed decides its initial weights, dropout masks and the order of examples in each
 * epoch: the same seed and thread count give the same numbers. Without {@link #seed(long)} it is
 * drawn at random, as Keras does without {@code set_random_seed}.
 */
public abstract class Model extends Layer {

    private long seed = new SplittableRandom().nextLong();
    private CompileOptions.Settings compileSettings;
    private Compiled compiled;
    private LayerGraph traced; // a subclassed model's graph, found when it is built
    private boolean stopTraining;
    private int epochsCompleted;

    protected Model(String name) {
        super(name);
    }

    // ---- structure -------------------------------------------------------------------------

    // The defaults below serve subclassed models; Sequential and Functional override them.

    /** The layers, in order (Sequential: without its input layer, as Keras's {@code model.layers}). */
    public List<Layer> layers() {
        return traced == null ? List.of() : traced.layers();
    }

    /** Names of the outputs, in order: the output layers' names; empty until a subclassed model is built. */
    public List<String> outputNames() {
        if (traced == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < traced.outputs().size(); i++) {
            LayerGraph.Node n = traced.producer(traced.outputs().get(i));
            String base = n == null ? "output" : n.layer().name();
            names.add(names.contains(base) ? base + "_" + i : base);
        }
        return names;
    }

    /**
     * Names of the inputs, in order. A subclassed model calls them "input_layer", "input_layer_1",
     * ... once built; override this to give data by name before it is built.
     */
    public List<String> inputNames() {
        return traced == null ? List.of() : placeholderNames(traced.inputs().size());
    }

    /**
     * Runs the model: one tensor per input in, one per output out. Concrete inputs compute;
     * symbolic inputs trace the op graph. A subclassed model is built first if needed, then its
     * {@link #call(List, boolean)} runs.
     */
    public List<Tensor> forward(List<Tensor> inputs, boolean training) {
        buildFor(shapesOf(inputs));
        return call(inputs, training);
    }

    /**
     * A subclassed model's forward pass, in plain Java on its layers and nn's ops: one tensor per
     * input, one per output. With one input this calls {@link #call(Tensor, boolean)}.
     */
    protected List<Tensor> call(List<Tensor> inputs, boolean training) {
        if (inputs.size() != 1) {
            throw new UnsupportedOperationException("model '" + name() + "' (" + typeName() + ") got " + inputs.size()
                    + " inputs: override call(List<Tensor>, boolean) to use several");
        }
        return List.of(call(inputs.get(0), training));
    }

    /** A subclassed model with one input and one output may override this instead. */
    @Override
    protected Tensor call(Tensor input, boolean training) {
        throw new UnsupportedOperationException("model '" + name() + "' (" + typeName()
                + ") must override call(Tensor, boolean) or call(List<Tensor>, boolean)");
    }

    /** The input shapes the model is built for (batch -1), one per input; null until built. */
    public List<int[]> inputShapes() {
        return traced == null ? null : shapesOf(traced.inputs());
    }

    /** The output shapes (batch -1), one per output; null until built. */
    public List<int[]> outputShapes() {
        return traced == null ? null : shapesOf(traced.outputs());
    }

    /**
     * Builds every layer for these input shapes (batch first, -1 allowed). A subclassed model
     * traces {@link #call} on placeholders of these shapes; once built it checks later shapes.
     */
    public void buildFor(List<int[]> inputShapes) {
        if (traced != null) {
            checkShapes(traced.inputs(), inputShapes);
            return;
        }
        List<String> names = inputNames().size() == inputShapes.size() ? inputNames() : placeholderNames(inputShapes.size());
        List<Tensor> placeholders = new ArrayList<>();
        for (int i = 0; i < inputShapes.size(); i++) {
            int[] s = inputShapes.get(i).clone();
            if (s.length > 0) {
                s[0] = -1;
            }
            placeholders.add(Ops.placeholder(names.get(i), s));
        }
        List<Tensor> outputs = call(placeholders, false);
        LayerGraph graph = LayerGraph.traced(placeholders, outputs, name());
        LayerNaming.claim(graph.layers(), buildRandom(), name());
        traced = graph;
    }

    private void checkShapes(List<Tensor> expected, List<int[]> shapes) {
        if (shapes.size() != expected.size()) {
            throw new IllegalArgumentException("model '" + name() + "' has " + expected.size() + " inputs " + inputNames()
                    + " but " + shapes.size() + " were given");
        }
        for (int i = 0; i < shapes.size(); i++) {
            int[] e = expected.get(i).shape();
            int[] got = shapes.get(i);
            boolean ok = got.length == e.length;
            for (int d = 1; ok && d < got.length; d++) {
                ok = e[d] < 0 || got[d] < 0 || e[d] == got[d];
            }
            if (!ok) {
                throw new IllegalArgumentException("model '" + name() + "': input '" + inputNames().get(i) + "' expects shape "
                        + Shapes.str(e) + " but got data of shape " + Shapes.str(got));
            }
        }
    }

    private static List<String> placeholderNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(i == 0 ? "input_layer" : "input_layer_" + i);
        }
        return names;
    }

    static List<int[]> shapesOf(List<Tensor> ts) {
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : ts) {
            shapes.add(t.shape());
        }
        return shapes;
    }

    /** The output shape of a layer inside this model (first call), or null when unknown. */
    public int[] layerOutputShape(Layer layer) {
        return traced == null ? null : traced.outputShape(layer);
    }

    /** The layer with this name; fails listing the names there are. */
    public Layer getLayer(String name) {
        List<String> names = new ArrayList<>();
        for (Layer l : layers()) {
            if (l.name().equals(name)) {
                return l;
            }
            names.add(l.name());
        }
        throw new IllegalArgumentException("model '" + name() + "' has no layer named '" + name + "'; it has " + names);
    }

    /** The layer at this index of {@link #layers()}. */
    public Layer getLayer(int index) {
        return layers().get(index);
    }

    /**
     * Sets the seed for initial weights, dropout and shuffling. On a built model that has not
     * trained yet, every weight is drawn again from the new seed, in layer order.
     */
    public Model seed(long seed) {
        if (compiled != null && compiled.optimizer().iterations() > 0) {
            throw new IllegalStateException("model '" + name() + "' has already trained; set its seed before training");
        }
        this.seed = seed;
        if (isBuilt()) {
            RandomGenerator random = buildRandom();
            for (Layer l : uniqueLayers()) {
                l.rebuild(random);
            }
        }
        return this;
    }

    public long seed() {
        return seed;
    }

    /** The generator layers draw initial weights from when the model builds them. */
    protected RandomGenerator buildRandom() {
        return new SplittableRandom(seed);
    }

    @Override
    protected void doBuild(int[] inputShape, RandomGenerator random) {
        buildFor(List.of(inputShape));
    }

    /** Used as a layer inside another model; it must then have one output. */
    @Override
    public Tensor apply(List<Tensor> inputs, boolean training) {
        List<Tensor> out = forward(inputs, training);
        if (out.size() != 1) {
            throw new IllegalStateException("model '" + name() + "' has " + out.size() + " outputs; used as a layer it must have one");
        }
        return recordCall(inputs, out.get(0));
    }

    @Override
    public boolean isBuilt() {
        return inputShapes() != null;
    }

    // ---- weights (gathered from the layers; a shared layer counts once) --------------------

    @Override
    public List<Variable> weights() {
        List<Variable> all = new ArrayList<>(trainableWeights());
        all.addAll(nonTrainableWeights());
        return Collections.unmodifiableList(all);
    }

    @Override
    public List<Variable> trainableWeights() {
        List<Variable> out = new ArrayList<>();
        if (trainable()) {
            for (Layer l : uniqueLayers()) {
                out.addAll(l.trainableWeights());
            }
        }
        return out;
    }

    @Override
    public List<Variable> nonTrainableWeights() {
        List<Variable> out = new ArrayList<>();
        for (Layer l : uniqueLayers()) {
            out.addAll(trainable() ? l.nonTrainableWeights() : l.weights());
        }
        return out;
    }

    private List<Layer> uniqueLayers() {
        Set<Layer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers()) {
            if (seen.add(l)) {
                out.add(l);
            }
        }
        return out;
    }

    // ---- training --------------------------------------------------------------------------

    /**
     * Sets the loss, optimizer and metrics; see {@link CompileOptions}. A subclassed model that
     * is not built yet settles them per output when it is built.
     */
    public void compile(CompileOption... options) {
        CompileOptions.Settings s = new CompileOptions.Settings();
        for (CompileOption o : options) {
            o.applyTo(s);
        }
        this.compileSettings = s;
        this.compiled = isBuilt() ? Compiled.from(s, outputNames(), outputWidths()) : null;
    }

    private List<Integer> outputWidths() {
        List<Integer> widths = new ArrayList<>();
        for (int[] shape : outputShapes()) {
            widths.add(shape.length < 2 ? 1 : shape[shape.length - 1]);
        }
        return widths;
    }

    /** True once compiled. */
    public boolean isCompiled() {
        return compileSettings != null;
    }

    Compiled compiled() {
        if (compileSettings == null) {
            throw new IllegalStateException("model '" + name() + "' must be compiled before training or evaluation: call "
                    + "model.compile(loss(...), optimizer(...), metrics(...)) first");
        }
        if (compiled == null) {
            if (!isBuilt()) {
                throw new IllegalStateException("model '" + name() + "' is not built yet: call fit, evaluate or buildFor first");
            }
            compiled = Compiled.from(compileSettings, outputNames(), outputWidths());
        }
        return compiled;
    }

    /** The optimizer given to compile. */
    public dev.nn.api.optimizers.Optimizer optimizer() {
        return compiled().optimizer();
    }

    /** The loss of each output, as compile settled them. */
    public List<Loss> losses() {
        return compiled().losses();
    }

    /** The weight of each output's loss in the total. */
    public double[] lossWeights() {
        return compiled().lossWeights().clone();
    }

    /** The metrics of each output, named as they are logged ("mae"; "out_mae" when there are several outputs). */
    public List<List<Metric>> compiledMetrics() {
        return compiled().metrics();
    }

    /** Trains on x and y; see {@link FitOptions} for epochs, batch size, validation and more. */
    public History fit(Tensor x, Tensor y, FitOption... options) {
        return fit(List.of(x), List.of(y), options);
    }

    /** Trains a model with several inputs or outputs, given in order. */
    public History fit(List<Tensor> xs, List<Tensor> ys, FitOption... options) {
        return loopFor(xs).fit(xs, ys, FitOptions.Settings.of(options));
    }

    /**
     * Trains on a batched {@link Dataset} (inputs, targets and optional sample weights per
     * element), e.g. {@code Dataset.fromTensors(x, y).shuffle(10_000, 42).batch(32)}.
     */
    public History fit(Dataset data, FitOption... options) {
        return loopForDataset(data).fit(data, FitOptions.Settings.of(options));
    }

    /**
     * Trains with inputs and targets given by input and output name, as Keras's
     * {@code fit({"input_wide": xa, "input_deep": xb}, {"output": y, "aux_output": y})}.
     */
    public History fit(Map<String, Tensor> x, Map<String, Tensor> y, FitOption... options) {
        List<Tensor> xs = inputsByName(x);
        return fit(xs, targetsByName(y, xs), options);
    }

    /**
     * The loss and metrics on the given data, in order: the total loss ("loss"), each output's
     * loss when there are several, then the metrics.
     */
    public Map<String, Double> evaluate(Tensor x, Tensor y, FitOption... options) {
        return evaluate(List.of(x), List.of(y), options);
    }

    public Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, FitOption... options) {
        return loopFor(xs).evaluate(xs, ys, FitOptions.Settings.of(options));
    }

    /** Evaluates on a batched {@link Dataset}. */
    public Map<String, Double> evaluate(Dataset data, FitOption... options) {
        return loopForDataset(data).evaluate(data, FitOptions.Settings.of(options));
    }

    /** Evaluates with inputs and targets given by input and output name. */
    public Map<String, Double> evaluate(Map<String, Tensor> x, Map<String, Tensor> y, FitOption... options) {
        List<Tensor> xs = inputsByName(x);
        return evaluate(xs, targetsByName(y, xs), options);
    }

    /** The model's output for each row of x, computed in batches (of 32 unless set). */
    public Tensor predict(Tensor x, FitOption... options) {
        List<Tensor> out = predict(List.of(x), options);
        if (out.size() != 1) {
            throw new IllegalStateException("model '" + name() + "' has " + out.size() + " outputs: use predict(List) to get them all");
        }
        return out.get(0);
    }

    /** One tensor per output, in the order of {@link #outputNames()}. */
    public List<Tensor> predict(List<Tensor> xs, FitOption... options) {
        return new TrainingLoop(this, compiled).predict(xs, FitOptions.Settings.of(options));
    }

    /** One tensor per output, for every element of a batched {@link Dataset} (its targets, if any, are ignored). */
    public List<Tensor> predict(Dataset data, FitOption... options) {
        if (!isBuilt()) {
            loopForDataset(data);
        }
        return new TrainingLoop(this, compiled).predict(data, FitOptions.Settings.of(options));
    }

    /** Predicts from inputs given by name; one tensor per output, in the order of {@link #outputNames()}. */
    public List<Tensor> predict(Map<String, Tensor> x, FitOption... options) {
        return predict(inputsByName(x), options);
    }

    /** A training loop once the model is built (a subclassed model builds from the data's shapes). */
    private TrainingLoop loopFor(List<Tensor> xs) {
        if (compileSettings != null && !isBuilt()) {
            buildFor(shapesOf(xs));
        }
        return new TrainingLoop(this, compiled());
    }

    /** A training loop once the model is built from the shapes of the dataset's first batch. */
    private TrainingLoop loopForDataset(Dataset data) {
        if (!isBuilt()) {
            java.util.Iterator<Dataset.Element> first = data.iterator(0);
            if (!first.hasNext()) {
                throw new IllegalArgumentException("model '" + name() + "': the dataset is empty");
            }
            buildFor(shapesOf(first.next().x()));
        }
        return new TrainingLoop(this, compileSettings == null ? null : compiled());
    }

    /** Inputs given by name, in input order. */
    List<Tensor> inputsByName(Map<String, Tensor> x) {
        return NamedData.inOrder(x, inputNames(), "input", this);
    }

    /** Targets given by name, in output order; a subclassed model is built from {@code xs} first. */
    List<Tensor> targetsByName(Map<String, Tensor> y, List<Tensor> xs) {
        if (!isBuilt()) {
            buildFor(shapesOf(xs));
        }
        return NamedData.inOrder(y, outputNames(), "output", this);
    }

    /** Asks a running {@code fit} to stop after the current epoch (for callbacks). */
    public void stopTraining() {
        stopTraining = true;
    }

    boolean stopRequested() {
        return stopTraining;
    }

    void clearStopRequest() {
        stopTraining = false;
    }

    /** The epochs {@code fit} has completed (saved with the model): resume with {@code initialEpoch(model.epochsCompleted())}. */
    public int epochsCompleted() {
        return epochsCompleted;
    }

    /** Sets the completed epoch count; {@code fit} and {@link Models#load} call it. */
    public void setEpochsCompleted(int epochs) {
        this.epochsCompleted = epochs;
    }

    // ---- saving (the file format lives in dev.nn.api.saving) -------------------------------

    /** Saves everything needed to resume training: see {@link Models#save}. */
    public void save(Path path) {
        Models.save(this, path);
    }

    /** Saves the weights alone: see {@link Models#saveWeights}. */
    public void saveWeights(Path path) {
        Models.saveWeights(this, path);
    }

    /** Loads weights saved by {@link #saveWeights} or {@link #save}, all or none: see {@link Models#loadWeights}. */
    public void loadWeights(Path path) {
        Models.loadWeights(this, path);
    }

    // ---- description -----------------------------------------------------------------------

    /** The Keras-style table of layers, output shapes and parameter counts. */
    public String summary() {
        if (!isBuilt()) {
            throw new IllegalStateException("model '" + name() + "' has not been built yet: give it an InputLayer, "
                    + "or call fit, predict or buildFor first");
        }
        return Summary.of(this);
    }
}
