package dev.nn.backend.onnx.export;

import dev.nn.api.OpNode;
import dev.nn.api.Tensor;
import dev.nn.backend.onnx.proto.GraphProto;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link ModelTrace} into an ONNX graph whose inputs and outputs carry the model's names. */
final class GraphAssembler {
    private final GraphBuilder g;
    private final OpMapping mapping;
    // the ONNX value each traced op (or placeholder) produces
    private final Map<OpNode, String> values = new IdentityHashMap<>();

    GraphAssembler(int opset) {
        this.g = new GraphBuilder(opset);
        this.mapping = new OpMapping(g);
    }

    GraphProto assemble(String graphName, ModelTrace trace, List<String> inputNames, List<String> outputNames) {
        for (int i = 0; i < inputNames.size(); i++) {
            Tensor in = trace.inputs().get(i);
            g.input(inputNames.get(i), in.shape());
            values.put(in.producer(), inputNames.get(i));
        }
        List<Integer> copies = nameOutputs(trace.outputs(), outputNames);
        for (OpNode node : trace.nodes()) {
            String out = values.computeIfAbsent(node, n -> g.value(n.name()));
            mapping.emit(node, operands(node), out);
        }
        for (int i : copies) {
            String name = outputNames.get(i);
            g.node("Identity", name, List.of(values.get(trace.outputs().get(i).producer())), name);
        }
        for (int i = 0; i < outputNames.size(); i++) {
            g.output(outputNames.get(i), trace.outputs().get(i).shape());
        }
        return g.build(graphName);
    }

    /**
     * Lets each output's op write straight into the output's name. An output that is a model
     * input, or the same tensor as an earlier output, needs a copy: returns the indices of those.
     */
    private List<Integer> nameOutputs(List<Tensor> outputs, List<String> outputNames) {
        List<Integer> copies = new ArrayList<>();
        for (int i = 0; i < outputNames.size(); i++) {
            g.reserveOutput(outputNames.get(i));
            OpNode producer = outputs.get(i).producer();
            if (values.putIfAbsent(producer, outputNames.get(i)) != null) {
                copies.add(i);
            }
        }
        return copies;
    }

    private List<String> operands(OpNode node) {
        List<String> names = new ArrayList<>(node.inputs().size());
        for (int i = 0; i < node.inputs().size(); i++) {
            Tensor t = node.inputs().get(i);
            if (t.isSymbolic()) {
                names.add(values.get(t.producer()));
            } else if (t.variable() != null) {
                names.add(g.weight(t.variable()));
            } else {
                names.add(g.constant(t, node.name() + "/operand" + i));
            }
        }
        return names;
    }
}
