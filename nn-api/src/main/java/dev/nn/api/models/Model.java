package dev.nn.api.models;

import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.callbacks.History;
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
 * <p>A model's seed decides its initial weights, dropout masks and the order of examples in each
 * epoch: the same seed and thread count give the same numbers. Without {@link #seed(long)} it is
 * drawn at random, as Keras does without {@code set_random_seed}.
 */
public abstract class Model extends Layer {

    private long seed = new SplittableRandom().nextLong();
    private Compiled compiled;
    private boolean stopTraining;
    private int epochsCompleted;

    protected Model(String name) {
        super(name);
    }

    // ---- structure -------------------------------------------------------------------------

    /** The layers, in order, without the input layer (as Keras's {@code model.layers}). */
    public abstract List<Layer> layers();

    /** Names of the outputs, in order (the output layers' names). */
    public abstract List<String> outputNames();

    /** Names of the inputs, in order. */
    public abstract List<String> inputNames();

    /**
     * Runs the model: one tensor per input in, one per output out. Concrete inputs compute;
     * symbolic inputs trace the op graph.
     */
    public abstract List<Tensor> forward(List<Tensor> inputs, boolean training);

    /** The input shapes the model is built for (batch -1), one per input; null until built. */
    public abstract List<int[]> inputShapes();

    /** The output shapes (batch -1), one per output; null until built. */
    public abstract List<int[]> outputShapes();

    /** Builds every layer for these input shapes (batch first, -1 allowed). */
    public abstract void buildFor(List<int[]> inputShapes);

    /** The output shape of a layer inside this model (first call), or null when unknown. */
    public int[] layerOutputShape(Layer layer) {
        return null;
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

    @Override
    protected Tensor call(List<Tensor> inputs, boolean training) {
        List<Tensor> out = forward(inputs, training);
        if (out.size() != 1) {
            throw new IllegalStateException("model '" + name() + "' has " + out.size() + " outputs; used as a layer it must have one");
        }
        return out.get(0);
    }

    @Override
    public Tensor apply(List<Tensor> inputs, boolean training) {
        if (!isBuilt()) {
            List<int[]> shapes = new ArrayList<>();
            for (Tensor t : inputs) {
                int[] s = t.shape();
                s[0] = -1;
                shapes.add(s);
            }
            buildFor(shapes);
        }
        return call(inputs, training);
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

    /** Sets the loss, optimizer and metrics; see {@link CompileOptions}. */
    public void compile(CompileOption... options) {
        CompileOptions.Settings s = new CompileOptions.Settings();
        for (CompileOption o : options) {
            o.applyTo(s);
        }
        List<Integer> widths = new ArrayList<>();
        List<int[]> outs = outputShapes();
        for (int i = 0; i < outputNames().size(); i++) {
            int[] shape = outs == null ? null : outs.get(i);
            widths.add(shape == null || shape.length < 2 ? 1 : shape[shape.length - 1]);
        }
        this.compiled = Compiled.from(s, outputNames(), widths);
    }

    /** True once compiled. */
    public boolean isCompiled() {
        return compiled != null;
    }

    Compiled compiled() {
        if (compiled == null) {
            throw new IllegalStateException("model '" + name() + "' must be compiled before training or evaluation: call "
                    + "model.compile(loss(...), optimizer(...), metrics(...)) first");
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
        return new TrainingLoop(this, compiled()).fit(xs, ys, FitOptions.Settings.of(options));
    }

    /**
     * The loss and metrics on the given data, in order: the total loss ("loss"), each output's
     * loss when there are several, then the metrics.
     */
    public Map<String, Double> evaluate(Tensor x, Tensor y, FitOption... options) {
        return evaluate(List.of(x), List.of(y), options);
    }

    public Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, FitOption... options) {
        return new TrainingLoop(this, compiled()).evaluate(xs, ys, FitOptions.Settings.of(options), true);
    }

    /** The model's output for each row of x, computed in batches (of 32 unless set). */
    public Tensor predict(Tensor x, FitOption... options) {
        List<Tensor> out = predict(List.of(x), options);
        if (out.size() != 1) {
            throw new IllegalStateException("model '" + name() + "' has " + out.size() + " outputs: use predict(List) to get them all");
        }
        return out.get(0);
    }

    /** One tensor per output. */
    public List<Tensor> predict(List<Tensor> xs, FitOption... options) {
        return new TrainingLoop(this, compiled).predict(xs, FitOptions.Settings.of(options));
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
