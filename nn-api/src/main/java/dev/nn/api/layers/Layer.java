package dev.nn.api.layers;

import dev.nn.api.NameScope;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.initializers.Initializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A layer: weights made in {@link #build} once the input shape is known, and a forward
 * computation in {@link #call} written in nn's ops. Applying a layer to a symbolic tensor traces
 * its ops into a graph; applying it to a concrete tensor computes.
 *
 * <p>A layer without an explicit name takes one from the model that owns it ("dense",
 * "dense_1", ...), unique within that model.
 */
public abstract class Layer {

    private String name;
    private final boolean explicitName;
    private boolean trainable = true;
    private boolean built;
    private boolean provisional;
    private int[] builtInputShape;
    private final List<Variable> weights = new ArrayList<>();

    protected Layer(String name) {
        this.explicitName = name != null;
        this.name = name;
    }

    /** The name, such as "dense_1". */
    public String name() {
        return name != null ? name : defaultName();
    }

    /** The base of automatic names: the class name in snake case ("dense", "input_layer"). */
    public String defaultName() {
        String simple = getClass().getSimpleName();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(simple.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.length() == 0 ? "layer" : sb.toString();
    }

    /** True when the user named the layer; automatic names are given by the owning model. */
    public boolean hasExplicitName() {
        return explicitName;
    }

    /** Gives an automatic name; called once by the model that owns this layer. */
    public void assignName(String automatic) {
        if (!explicitName && name == null) {
            name = automatic;
        }
    }

    /** True when no model has named this layer yet (it has neither an explicit nor an automatic name). */
    public boolean isUnnamed() {
        return name == null && !explicitName;
    }

    /**
     * Taken over by a model: gets its automatic name when it has none, and weights drawn while
     * no model owned it (a call on symbolic tensors builds a layer) are drawn again from the
     * model's {@code random} under the final name. Weights built otherwise (a trained layer,
     * an adapted Normalization) are kept.
     */
    public void claim(String automaticName, RandomGenerator random) {
        assignName(automaticName);
        if (provisional) {
            rebuild(random);
        }
    }

    /** Keras's type column in summaries: the class name. */
    public String typeName() {
        return getClass().getSimpleName();
    }

    // ---- building --------------------------------------------------------------------------

    public boolean isBuilt() {
        return built;
    }

    /** The input shape the layer was built for (batch dimension -1), or null. */
    public int[] builtInputShape() {
        return builtInputShape == null ? null : builtInputShape.clone();
    }

    /**
     * Builds for the given input shape (batch first, -1 when unknown), drawing initial weights
     * from {@code random}. Does nothing when already built.
     */
    public final void build(int[] inputShape, RandomGenerator random) {
        if (!built) {
            try (NameScope scope = NameScope.enter(name())) {
                doBuild(inputShape.clone(), random);
            }
            builtInputShape = inputShape.clone();
            built = true;
        }
    }

    /**
     * Draws the layer's weights anew for the shape it was built for (a model does this for all
     * its layers, in order, when its seed is set after building).
     */
    public void rebuild(RandomGenerator random) {
        if (built) {
            built = false;
            provisional = false;
            weights.clear();
            build(builtInputShape, random);
        }
    }

    /** Makes the layer's weights. Layers with weights override this. */
    protected void doBuild(int[] inputShape, RandomGenerator random) {
    }

    /** Adds a weight named {@code <layer>/<name>}, initialized now. */
    protected final Variable addWeight(String weightName, int[] shape, Initializer init,
                                       boolean trainableWeight, RandomGenerator random) {
        String full = name() + "/" + weightName;
        long size = 1;
        for (int d : shape) {
            size *= Math.max(d, 0);
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("layer '" + name() + "': weight '" + weightName + "' of shape "
                        + java.util.Arrays.toString(shape) + " has more elements than a Java array holds");
            }
        }
        WeightBudget.charge(this, weightName, shape);
        Tensor initial = init.initialize(shape, random);
        Variable v = new Variable(full, initial, trainableWeight);
        weights.add(v);
        return v;
    }

    // ---- calling ---------------------------------------------------------------------------

    /** Applies the layer in inference mode. */
    public final Tensor apply(Tensor input) {
        return apply(List.of(input), false);
    }

    /** Applies the layer to several inputs (a merge layer) in inference mode. */
    public final Tensor apply(List<Tensor> inputs) {
        return apply(inputs, false);
    }

    /**
     * Applies the layer: builds it for the first input's shape if needed, checks that later
     * inputs agree with that shape, then runs {@link #call}. On symbolic inputs the output
     * remembers this call ({@link Tensor#history()}), which is how functional models are wired.
     */
    public Tensor apply(List<Tensor> inputs, boolean training) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(name() + ": called with no inputs");
        }
        Tensor first = inputs.get(0);
        int[] shape = first.shape();
        if (!built) {
            int[] buildShape = shape.clone();
            if (buildShape.length > 0) {
                buildShape[0] = -1;
            }
            // no model owns the layer yet: its owner redraws these weights from its seed (claim)
            build(buildShape, new SplittableRandom());
            provisional = true;
        } else {
            try {
                checkInputShape(shape);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + LayerCall.source(first), e);
            }
        }
        Tensor out;
        try (NameScope scope = NameScope.enter(name())) {
            out = inputs.size() == 1 ? call(first, training) : callMany(inputs, training);
        }
        return recordCall(inputs, out);
    }

    /** The output, marked as made by this layer from {@code inputs} when it is symbolic. */
    protected final Tensor recordCall(List<Tensor> inputs, Tensor output) {
        return output.isSymbolic() ? output.withHistory(new LayerCall(this, inputs)) : output;
    }

    /** Fails when an input does not fit the shape the layer was built for. */
    protected void checkInputShape(int[] shape) {
        int[] expected = builtInputShape;
        if (expected == null || !checksInputShape()) {
            return;
        }
        boolean ok = expected.length == shape.length;
        for (int i = 1; ok && i < shape.length; i++) {
            ok = expected[i] < 0 || shape[i] < 0 || expected[i] == shape[i];
        }
        if (!ok) {
            throw new IllegalArgumentException("layer '" + name() + "' (" + typeName() + ") was built for inputs of shape "
                    + Shapes.str(expected) + " but got shape " + Shapes.str(shape));
        }
    }

    /** Layers whose weights fix the input shape check it on every call. */
    protected boolean checksInputShape() {
        return !weights.isEmpty();
    }

    /** The forward computation for one input. Single-input layers override this. */
    protected Tensor call(Tensor input, boolean training) {
        throw new UnsupportedOperationException(typeName() + " takes several inputs");
    }

    /** The forward computation on several inputs; layers that take several override this. */
    protected Tensor callMany(List<Tensor> inputs, boolean training) {
        throw new IllegalArgumentException("layer '" + name() + "' (" + typeName() + ") takes one input, got " + inputs.size());
    }

    /** The output shape for an input shape, found by tracing {@link #call} on a symbolic input. */
    public int[] computeOutputShape(int[] inputShape) {
        return apply(List.of(dev.nn.api.Ops.placeholder(name() + "_shape", inputShape)), false).shape();
    }

    // ---- weights ---------------------------------------------------------------------------

    public boolean trainable() {
        return trainable;
    }

    /** Freezes or unfreezes every weight of the layer (Keras's {@code layer.trainable = False}). */
    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    /** Every weight, trainable first, in creation order. */
    public List<Variable> weights() {
        List<Variable> all = new ArrayList<>(trainableWeights());
        all.addAll(nonTrainableWeights());
        return Collections.unmodifiableList(all);
    }

    public List<Variable> trainableWeights() {
        List<Variable> out = new ArrayList<>();
        if (trainable) {
            for (Variable v : weights) {
                if (v.trainable()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    public List<Variable> nonTrainableWeights() {
        List<Variable> out = new ArrayList<>();
        for (Variable v : weights) {
            if (!trainable || !v.trainable()) {
                out.add(v);
            }
        }
        return out;
    }

    /** Number of weight values (Keras's Param #). */
    public long countParams() {
        long n = 0;
        for (Variable v : weights()) {
            n += v.size();
        }
        return n;
    }

    /** Copies of the current weight values, in {@link #weights()} order. */
    public List<Tensor> getWeights() {
        List<Tensor> out = new ArrayList<>();
        for (Variable v : weights()) {
            out.add(Tensor.of(v.buffer(), v.shape()));
        }
        return out;
    }

    /** Sets every weight, in {@link #weights()} order; counts and shapes must match. */
    public void setWeights(List<Tensor> values) {
        List<Variable> ws = weights();
        if (values.size() != ws.size()) {
            throw new IllegalArgumentException("layer '" + name() + "' has " + ws.size() + " weights, got " + values.size());
        }
        for (int i = 0; i < ws.size(); i++) {
            if (!Arrays.equals(ws.get(i).shape(), values.get(i).shape())) {
                throw new IllegalArgumentException("weight '" + ws.get(i).name() + "' has shape " + Shapes.str(ws.get(i).shape())
                        + ", got " + Shapes.str(values.get(i).shape()));
            }
        }
        for (int i = 0; i < ws.size(); i++) {
            ws.get(i).assign(values.get(i));
        }
    }

    @Override
    public String toString() {
        return typeName() + "(" + name() + ")";
    }
}
