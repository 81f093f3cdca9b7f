package dev.nn.api.models;

import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A model made of layers called on symbolic tensors, Keras's functional API: any directed
 * acyclic graph of layers, several inputs and outputs, shared layers and skip connections.
 *
 * <pre>{@code
 * Tensor input = Input.of("input", 8);
 * Tensor hidden1 = new Dense(30, "relu").apply(input);
 * Tensor hidden2 = new Dense(30, "relu").apply(hidden1);
 * Tensor concat = Layers.concatenate(input, hidden2);
 * Tensor output = new Dense(1).apply(concat);
 * Functional model = new Functional(List.of(input), List.of(output), "wide_and_deep");
 * }</pre>
 *
 * Layers without a name get one unique within the model ("dense", "dense_1", ...), in the order
 * of the graph; weights drawn when the graph was wired are drawn again from the model's seed.
 * The output names are the names of the layers that make the outputs.
 */
public final class Functional extends Model {

    private final LayerGraph graph;

    /** A model with one input and one output. */
    public Functional(Tensor input, Tensor output) {
        this(List.of(input), List.of(output), null);
    }

    /** A model from its inputs (made by {@code Input.of}) to its outputs; {@code name} may be null. */
    public Functional(List<Tensor> inputs, List<Tensor> outputs, String name) {
        super(name);
        assignName("functional");
        this.graph = LayerGraph.functional(inputs, outputs, name());
        LayerNaming.claim(graph.layers(), buildRandom(), name());
        checkOutputNames();
    }

    private void checkOutputNames() {
        Set<String> seen = new HashSet<>();
        for (String n : outputNames()) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("model '" + name() + "' has two outputs made by layer '" + n
                        + "'; each output must come from its own layer so that losses and data can be matched by name");
            }
        }
    }

    /** Every layer in graph order, the input layers first (as Keras's {@code model.layers}). */
    @Override
    public List<Layer> layers() {
        return graph.layers();
    }

    @Override
    public List<String> inputNames() {
        List<String> names = new ArrayList<>();
        for (Tensor in : graph.inputs()) {
            names.add(in.history().layer().name());
        }
        return names;
    }

    @Override
    public List<String> outputNames() {
        List<String> names = new ArrayList<>();
        for (Tensor out : graph.outputs()) {
            names.add(graph.producer(out).layer().name());
        }
        return names;
    }

    @Override
    public List<int[]> inputShapes() {
        return shapes(graph.inputs());
    }

    @Override
    public List<int[]> outputShapes() {
        return shapes(graph.outputs());
    }

    private static List<int[]> shapes(List<Tensor> ts) {
        List<int[]> out = new ArrayList<>();
        for (Tensor t : ts) {
            out.add(t.shape());
        }
        return out;
    }

    @Override
    public int[] layerOutputShape(Layer layer) {
        return graph.outputShape(layer);
    }

    /** The graph of layer calls, for the summary and plots. */
    LayerGraph graph() {
        return graph;
    }

    /** Built when made: only checks that data of these shapes fits the inputs. */
    @Override
    public void buildFor(List<int[]> shapes) {
        List<String> names = inputNames();
        if (shapes.size() != names.size()) {
            throw new IllegalArgumentException("model '" + name() + "' has " + names.size() + " inputs " + names
                    + " but " + shapes.size() + " were given");
        }
        for (int i = 0; i < shapes.size(); i++) {
            int[] expected = graph.inputs().get(i).shape();
            int[] got = shapes.get(i);
            boolean ok = got.length == expected.length;
            for (int d = 1; ok && d < got.length; d++) {
                ok = expected[d] < 0 || got[d] < 0 || expected[d] == got[d];
            }
            if (!ok) {
                throw new IllegalArgumentException("model '" + name() + "': input '" + names.get(i) + "' expects shape "
                        + Shapes.str(expected) + " but got data of shape " + Shapes.str(got));
            }
        }
    }

    @Override
    public List<Tensor> forward(List<Tensor> inputs, boolean training) {
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : inputs) {
            shapes.add(t.shape());
        }
        buildFor(shapes);
        return graph.run(inputs, training);
    }

    @Override
    public String toString() {
        return "Functional(" + name() + ", inputs " + inputNames() + ", outputs " + outputNames() + ")";
    }

    /** Which call of which layer made a tensor: Keras's {@code [layer_name, node_index]}. */
    public record CallRef(String layer, int callIndex) {
    }

    /** One layer call of the graph and the calls that made its inputs. */
    public record Call(Layer layer, List<CallRef> inputs) {
        public Call {
            inputs = List.copyOf(inputs);
        }
    }

    /** The layer calls after the inputs, in an order where each comes after those feeding it (for saving). */
    public List<Call> calls() {
        List<Call> out = new ArrayList<>();
        for (LayerGraph.Node n : graph.nodes()) {
            if (n.layer() instanceof InputLayer) {
                continue;
            }
            List<CallRef> refs = new ArrayList<>();
            for (Tensor in : n.inputs()) {
                LayerGraph.Node p = graph.producer(in);
                refs.add(new CallRef(p.layer().name(), p.callIndex()));
            }
            out.add(new Call(n.layer(), refs));
        }
        return out;
    }

    /** The calls that make the outputs, in output order. */
    public List<CallRef> outputRefs() {
        List<CallRef> out = new ArrayList<>();
        for (Tensor t : graph.outputs()) {
            LayerGraph.Node p = graph.producer(t);
            out.add(new CallRef(p.layer().name(), p.callIndex()));
        }
        return out;
    }

    /** The input layers, in input order. */
    public List<InputLayer> inputLayers() {
        List<InputLayer> out = new ArrayList<>();
        for (Tensor in : graph.inputs()) {
            out.add((InputLayer) in.history().layer());
        }
        return out;
    }
}
