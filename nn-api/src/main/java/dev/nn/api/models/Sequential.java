package dev.nn.api.models;

import dev.nn.api.Ops;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A plain stack of layers, each feeding the next: one input, one output.
 *
 * <pre>{@code
 * Sequential model = new Sequential(
 *     new InputLayer(28, 28),
 *     new Flatten(),
 *     new Dense(300, "relu"),
 *     new Dense(100, "relu"),
 *     new Dense(10, "softmax"));
 * }</pre>
 *
 * Layers without a name get one unique within the model ("dense", "dense_1", ...). With an
 * {@link InputLayer} first, the model is built at once; otherwise on first use.
 */
public class Sequential extends Model {

    private final List<Layer> layers = new ArrayList<>();
    private InputLayer input;
    private int[] inputShape;
    private final Map<Layer, int[]> outputShapes = new IdentityHashMap<>();

    public Sequential(Layer... layers) {
        this(null, List.of(layers));
    }

    public Sequential(String name, List<Layer> layers) {
        super(name);
        assignName("sequential");
        for (Layer l : layers) {
            add(l);
        }
    }

    /** Appends a layer; an InputLayer may only come first. */
    public void add(Layer layer) {
        if (layer instanceof InputLayer in) {
            if (input != null || !layers.isEmpty()) {
                throw new IllegalArgumentException("an InputLayer must be the first layer of Sequential model '" + name() + "'");
            }
            input = in;
            input.assignName("input_layer");
            buildFor(List.of(in.batchShape()));
            return;
        }
        layer.assignName(uniqueName(layer.defaultName()));
        layers.add(layer);
        if (inputShape != null) {
            int[] last = layers.size() == 1 ? inputShape : outputShapes.get(layers.get(layers.size() - 2));
            Tensor out = buildAndTrace(layer, Ops.placeholder(name() + "_input", last), buildRandom());
            outputShapes.put(layer, out.shape());
        }
    }

    private String uniqueName(String base) {
        Set<String> used = new HashSet<>();
        for (Layer l : layers) {
            used.add(l.name());
        }
        if (!used.contains(base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            if (!used.contains(base + "_" + i)) {
                return base + "_" + i;
            }
        }
    }

    /** Removes the last layer, as Keras's {@code pop()}. */
    public Layer pop() {
        if (layers.isEmpty()) {
            throw new IllegalStateException("Sequential model '" + name() + "' has no layers to pop");
        }
        Layer l = layers.remove(layers.size() - 1);
        outputShapes.remove(l);
        return l;
    }

    @Override
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public List<String> outputNames() {
        return List.of(layers.isEmpty() ? name() : layers.get(layers.size() - 1).name());
    }

    @Override
    public List<String> inputNames() {
        return List.of(input != null ? input.name() : "input_layer");
    }

    @Override
    public List<int[]> inputShapes() {
        return inputShape == null ? null : List.of(inputShape.clone());
    }

    @Override
    public List<int[]> outputShapes() {
        if (inputShape == null) {
            return null;
        }
        return List.of(layers.isEmpty() ? inputShape.clone() : outputShapes.get(layers.get(layers.size() - 1)).clone());
    }

    @Override
    public int[] layerOutputShape(Layer layer) {
        int[] s = outputShapes.get(layer);
        return s == null ? null : s.clone();
    }

    @Override
    public void buildFor(List<int[]> shapes) {
        if (shapes.size() != 1) {
            throw new IllegalArgumentException("Sequential model '" + name() + "' has one input, got " + shapes.size() + " shapes");
        }
        if (inputShape != null) {
            checkInput(shapes.get(0));
            return;
        }
        int[] shape = shapes.get(0).clone();
        shape[0] = -1;
        RandomGenerator random = buildRandom();
        Tensor x = Ops.placeholder(inputNames().get(0), shape);
        for (Layer l : layers) {
            x = buildAndTrace(l, x, random);
            outputShapes.put(l, x.shape());
        }
        inputShape = shape;
    }

    private static Tensor buildAndTrace(Layer l, Tensor x, RandomGenerator random) {
        l.build(x.shape(), random);
        return l.apply(List.of(x), false);
    }

    private void checkInput(int[] shape) {
        boolean ok = shape.length == inputShape.length;
        for (int i = 1; ok && i < shape.length; i++) {
            ok = shape[i] == inputShape[i] || shape[i] < 0;
        }
        if (!ok) {
            throw new IllegalArgumentException("model '" + name() + "': input '" + inputNames().get(0) + "' expects shape "
                    + Shapes.str(inputShape) + " but got data of shape " + Shapes.str(shape));
        }
    }

    @Override
    public List<Tensor> forward(List<Tensor> inputs, boolean training) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("Sequential model '" + name() + "' takes one input, got " + inputs.size());
        }
        Tensor x = inputs.get(0);
        if (inputShape == null) {
            buildFor(List.of(x.shape()));
        } else {
            checkInput(x.shape());
        }
        for (Layer l : layers) {
            x = l.apply(List.of(x), training);
        }
        return List.of(x);
    }

    @Override
    public String toString() {
        return "Sequential(" + name() + ", " + layers.size() + " layers, input " + (inputShape == null ? "unknown" : Arrays.toString(inputShape)) + ")";
    }
}
