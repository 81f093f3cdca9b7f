package dev.nn.api.models;

import dev.nn.api.OpNode;
import dev.nn.api.OpType;
import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A model traced on symbolic inputs: the op-level graph that exporters walk. It is the same for a
 * Sequential, a Functional and a subclassed model that compute the same thing, because all three
 * run the same layers, which are written in the same ops.
 *
 * @param inputs    one placeholder per model input, named as the inputs ({@link OpType#INPUT} nodes)
 * @param outputs   one symbolic tensor per model output, in the order of {@link Model#outputNames()}
 * @param nodes     every op node the outputs depend on, each after the nodes that feed it
 * @param variables the variables the ops read, in order of first use
 */
public record ModelGraph(List<Tensor> inputs, List<Tensor> outputs, List<OpNode> nodes, List<Variable> variables) {

    public ModelGraph {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        nodes = List.copyOf(nodes);
        variables = List.copyOf(variables);
    }

    /** Traces a built model in inference mode. */
    public static ModelGraph trace(Model model) {
        List<int[]> shapes = model.inputShapes();
        if (shapes == null) {
            throw new IllegalStateException("model '" + model.name() + "' is not built, so its input shapes are unknown: "
                    + "give it an InputLayer or Input.of, or call buildFor(...) first");
        }
        List<String> names = model.inputNames();
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            inputs.add(Ops.placeholder(names.get(i), shapes.get(i)));
        }
        List<Tensor> outputs = model.forward(inputs, false);
        Walk walk = new Walk();
        inputs.forEach(walk::visit);
        outputs.forEach(walk::visit);
        return new ModelGraph(inputs, outputs, walk.nodes, walk.variables);
    }

    /** The op types of {@link #nodes()}, in order. */
    public List<OpType> opTypes() {
        List<OpType> types = new ArrayList<>();
        for (OpNode n : nodes) {
            types.add(n.op());
        }
        return types;
    }

    /** A depth-first walk that lists each node after its operands' nodes. */
    private static final class Walk {
        final List<OpNode> nodes = new ArrayList<>();
        final List<Variable> variables = new ArrayList<>();
        private final Set<OpNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Variable> seenVariables = Collections.newSetFromMap(new IdentityHashMap<>());

        void visit(Tensor t) {
            if (t.variable() != null && seenVariables.add(t.variable())) {
                variables.add(t.variable());
            }
            OpNode n = t.producer();
            if (n == null || !seen.add(n)) {
                return;
            }
            n.inputs().forEach(this::visit);
            nodes.add(n);
        }
    }
}
