package dev.nn.api.models;

import dev.nn.api.OpNode;
import dev.nn.api.OpType;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.LayerCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layer calls between a model's symbolic inputs and outputs, found by following each
 * tensor's {@link Tensor#history()} back from the outputs. Calls are listed inputs first, then
 * each after the calls that feed it, so running them in order computes the model.
 */
final class LayerGraph {

    /** One call of a layer; {@code callIndex} counts the earlier calls of the same layer. */
    record Node(Layer layer, List<Tensor> inputs, Tensor output, int callIndex) {
    }

    private final List<Tensor> inputs;
    private final List<Tensor> outputs;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Tensor, Node> producers = new IdentityHashMap<>();
    private final Set<LayerCall> seenCalls = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<OpNode> seenOps = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean strict;
    private final String model;

    private LayerGraph(List<Tensor> inputs, List<Tensor> outputs, boolean strict, String model) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.strict = strict;
        this.model = model;
    }

    /**
     * The graph of a functional model: every input comes from {@code Input.of}, and every path
     * back from an output passes only through layer calls and ends at one of the inputs.
     */
    static LayerGraph functional(List<Tensor> inputs, List<Tensor> outputs, String model) {
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("model '" + model + "' needs at least one input and one output, got "
                    + inputs.size() + " and " + outputs.size());
        }
        LayerGraph g = new LayerGraph(inputs, outputs, true, model);
        for (Tensor in : inputs) {
            LayerCall call = in.history();
            if (call == null || !(call.layer() instanceof InputLayer)) {
                throw new IllegalArgumentException("model '" + model + "': the inputs must be made by Input.of(...), got "
                        + in + LayerCall.source(in));
            }
            if (!g.seenCalls.add(call)) {
                throw new IllegalArgumentException("model '" + model + "': input '" + call.layer().name() + "' is given twice");
            }
            g.add(call, in);
        }
        outputs.forEach(g::visit);
        return g;
    }

    /**
     * The layers a traced computation called (a subclassed model's {@code call} on placeholders),
     * following plain ops between layer calls too.
     */
    static LayerGraph traced(List<Tensor> inputs, List<Tensor> outputs, String model) {
        LayerGraph g = new LayerGraph(inputs, outputs, false, model);
        outputs.forEach(g::visit);
        return g;
    }

    private void visit(Tensor t) {
        LayerCall call = t.history();
        if (call != null && !(call.layer() instanceof InputLayer && !strict)) {
            if (!seenCalls.add(call)) {
                return;
            }
            if (call.layer() instanceof InputLayer in) {
                throw new IllegalArgumentException("model '" + model + "': the outputs depend on input '" + in.name()
                        + "', which is not among the model's inputs");
            }
            call.inputs().forEach(this::visit);
            add(call, t);
            return;
        }
        if (strict) {
            throw new IllegalArgumentException("model '" + model + "': " + t + (t.producer() == null ? "" : " made by op '"
                    + t.producer().name() + "'") + " is not the output of a layer; in a functional model apply only layers "
                    + "to symbolic tensors (Add, Multiply, Concatenate ... for arithmetic)");
        }
        OpNode op = t.producer();
        if (op != null && op.op() != OpType.INPUT && seenOps.add(op)) {
            op.inputs().forEach(this::visit);
        }
    }

    private void add(LayerCall call, Tensor output) {
        int index = 0;
        for (Node n : nodes) {
            index += n.layer() == call.layer() ? 1 : 0;
        }
        Node node = new Node(call.layer(), call.inputs(), output, index);
        nodes.add(node);
        producers.put(output, node);
    }

    List<Tensor> inputs() {
        return inputs;
    }

    List<Tensor> outputs() {
        return outputs;
    }

    /** Every call, in an order where each comes after the calls that feed it. */
    List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** The call that made a tensor of this graph, or null (a placeholder, a plain op). */
    Node producer(Tensor t) {
        return producers.get(t);
    }

    /** Each layer once, in the order of its first call. */
    List<Layer> layers() {
        Set<Layer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Layer> out = new ArrayList<>();
        for (Node n : nodes) {
            if (seen.add(n.layer())) {
                out.add(n.layer());
            }
        }
        return out;
    }

    /** The output shape of a layer's first call, or null when the layer is not in the graph. */
    int[] outputShape(Layer layer) {
        for (Node n : nodes) {
            if (n.layer() == layer) {
                return n.output().shape();
            }
        }
        return null;
    }

    /** Runs the calls in order on {@code values}, one per input; returns one tensor per output. */
    List<Tensor> run(List<Tensor> values, boolean training) {
        Map<Tensor, Tensor> computed = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            computed.put(inputs.get(i), values.get(i));
        }
        for (Node n : nodes) {
            if (n.inputs().isEmpty()) {
                continue; // a model input, already set
            }
            List<Tensor> args = new ArrayList<>(n.inputs().size());
            for (Tensor in : n.inputs()) {
                args.add(computed.get(in));
            }
            computed.put(n.output(), n.layer().apply(args, training));
        }
        List<Tensor> out = new ArrayList<>(outputs.size());
        for (Tensor o : outputs) {
            out.add(computed.get(o));
        }
        return out;
    }

    /**
     * The tensors that feed {@code t} from outside plain ops: outputs of layer calls of this
     * graph, or graph inputs. Plain ops between layers (in a subclassed model) are looked through.
     */
    List<Tensor> feeders(Tensor t) {
        List<Tensor> out = new ArrayList<>();
        collectFeeders(t, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collectFeeders(Tensor t, List<Tensor> out, Set<OpNode> seen) {
        if (producers.containsKey(t) || inputs.stream().anyMatch(in -> in == t)) {
            if (out.stream().noneMatch(o -> o == t)) {
                out.add(t);
            }
            return;
        }
        OpNode op = t.producer();
        if (op != null && op.op() != OpType.INPUT && seen.add(op)) {
            for (Tensor in : op.inputs()) {
                collectFeeders(in, out, seen);
            }
        }
    }

    /** "dense_1[0][0]" for each input of a call, as Keras's "Connected to" column. */
    List<String> connections(Node node) {
        List<String> out = new ArrayList<>();
        for (Tensor in : node.inputs()) {
            Node p = producers.get(in);
            out.add(p == null ? Shapes.str(in.shape()) : p.layer().name() + "[" + p.callIndex() + "][0]");
        }
        return out;
    }
}
