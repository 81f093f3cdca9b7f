package dev.nn.backend.onnx.export;

import dev.nn.api.OpNode;
import dev.nn.api.OpType;
import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.models.Model;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A model's inference graph: its forward pass run on placeholders, so that every op records an
 * {@link OpNode} instead of computing.
 *
 * @param inputs  one placeholder per model input, in order
 * @param outputs one symbolic tensor per model output, in order
 * @param nodes   every op the outputs depend on, once each, operands before users; no inputs
 */
record ModelTrace(List<Tensor> inputs, List<Tensor> outputs, List<OpNode> nodes) {

    static ModelTrace of(Model model) {
        List<int[]> shapes = model.inputShapes();
        if (shapes == null) {
            throw new IllegalStateException("model '" + model.name() + "' is not built, so its input shapes are unknown: "
                    + "give it an InputLayer, or call buildFor, fit or predict before exporting it");
        }
        List<String> names = model.inputNames();
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int[] shape = shapes.get(i).clone();
            shape[0] = -1; // the batch stays symbolic in the exported graph
            inputs.add(Ops.placeholder(names.get(i), shape));
        }
        List<Tensor> outputs = model.forward(inputs, false);
        if (outputs.size() != model.outputNames().size()) {
            throw new IllegalStateException("model '" + model.name() + "' names " + model.outputNames().size()
                    + " outputs " + model.outputNames() + " but its forward pass returned " + outputs.size());
        }
        for (Tensor out : outputs) {
            if (!out.isSymbolic()) {
                throw new IllegalStateException("model '" + model.name() + "' returned an output that does not depend on "
                        + "its inputs (a constant); ONNX export needs every output computed from the inputs");
            }
        }
        return new ModelTrace(List.copyOf(inputs), List.copyOf(outputs), sort(outputs, inputs));
    }

    /** Depth-first post-order from the outputs: a topological order, each node once (by identity). */
    private static List<OpNode> sort(List<Tensor> outputs, List<Tensor> inputs) {
        Set<OpNode> placeholders = identitySet();
        inputs.forEach(t -> placeholders.add(t.producer()));
        Set<OpNode> done = identitySet();
        List<OpNode> order = new ArrayList<>();
        // iterative, so that a deep graph cannot overflow the stack
        Deque<Iterator<Tensor>> pending = new ArrayDeque<>();
        Deque<OpNode> path = new ArrayDeque<>();
        for (Tensor out : outputs) {
            OpNode root = out.producer();
            if (!visit(root, placeholders, done)) {
                continue;
            }
            path.push(root);
            pending.push(root.inputs().iterator());
            while (!path.isEmpty()) {
                Iterator<Tensor> operands = pending.peek();
                if (operands.hasNext()) {
                    Tensor t = operands.next();
                    if (t.isSymbolic() && visit(t.producer(), placeholders, done)) {
                        path.push(t.producer());
                        pending.push(t.producer().inputs().iterator());
                    }
                } else {
                    pending.pop();
                    order.add(path.pop());
                }
            }
        }
        return List.copyOf(order);
    }

    /** Marks a node seen; false when it needs no visit (done already, or a model input). */
    private static boolean visit(OpNode node, Set<OpNode> placeholders, Set<OpNode> done) {
        if (placeholders.contains(node)) {
            return false;
        }
        if (node.op() == OpType.INPUT) {
            throw new IllegalStateException("the traced graph reads '" + node.name() + "', a symbolic tensor that is not "
                    + "one of the model's inputs; a layer must not keep symbolic tensors from an earlier trace");
        }
        return done.add(node);
    }

    private static Set<OpNode> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
