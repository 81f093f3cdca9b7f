package dev.nn.backend.onnx.inspect;

import dev.nn.backend.onnx.InvalidModelException;
import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.ModelProto;
import dev.nn.backend.onnx.proto.NodeProto;
import dev.nn.backend.onnx.proto.TensorProto;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a parsed ModelProto as a whole: that it is a model at all, and that every graph in it,
 * subgraphs included, has a sound data flow and honest tensors. One instance checks one model.
 */
final class ModelValidator {
    private final TensorCheck tensors;
    private final OnnxLimits limits;
    private final String source;
    private long totalElements;

    ModelValidator(OnnxLimits limits, String source) {
        this.tensors = new TensorCheck(limits);
        this.limits = limits;
        this.source = source;
    }

    void validate(ModelProto model) {
        // Arbitrary bytes often parse as a ModelProto made only of unknown fields.
        if (!model.hasGraph()) {
            throw new InvalidModelException("Not an ONNX model: " + source + " has no graph");
        }
        if (!model.hasIrVersion() || model.getIrVersion() < 1) {
            throw new InvalidModelException("Not an ONNX model: " + source + " has no IR version");
        }
        if (model.getOpsetImportCount() == 0) {
            throw new InvalidModelException(source + " imports no operator set; ONNX requires at least one");
        }
        GraphProto main = model.getGraph();
        validateGraph(main, name -> false, source + ": graph '" + main.getName() + "'");
    }

    private void validateGraph(GraphProto graph, Predicate<String> outerScope, String where) {
        for (TensorProto initializer : graph.getInitializerList()) {
            count(initializer, where + ", initializer '" + initializer.getName() + "'");
        }
        List<NodeProto> nodes = graph.getNodeList();
        GraphTopology.sorted(graph, outerScope, where);
        // subgraphs see this graph's values and everything this graph sees; chained, not copied,
        // so that many subgraphs cost no more than the graph itself
        Set<String> local = GraphTopology.localValues(graph);
        nodes.forEach(node -> local.addAll(node.getOutputList()));
        Predicate<String> scope = outerScope.or(local::contains);
        for (int i = 0; i < nodes.size(); i++) {
            String nodeWhere = where + ", " + GraphTopology.label(nodes.get(i), i);
            for (AttributeProto attribute : nodes.get(i).getAttributeList()) {
                validateAttribute(attribute, scope, nodeWhere + " attribute '" + attribute.getName() + "'");
            }
        }
    }

    private void validateAttribute(AttributeProto attribute, Predicate<String> scope, String where) {
        if (attribute.hasT()) {
            count(attribute.getT(), where);
        }
        for (TensorProto tensor : attribute.getTensorsList()) {
            count(tensor, where);
        }
        if (attribute.hasG()) {
            validateGraph(attribute.getG(), scope, where + " subgraph '" + attribute.getG().getName() + "'");
        }
        for (GraphProto graph : attribute.getGraphsList()) {
            validateGraph(graph, scope, where + " subgraph '" + graph.getName() + "'");
        }
    }

    private void count(TensorProto tensor, String where) {
        totalElements += tensors.check(tensor, where);
        if (totalElements > limits.maxTotalElements()) {
            throw new InvalidModelException(where + " brings the model's tensors to " + totalElements
                    + " elements, over the limit of " + limits.maxTotalElements() + " (OnnxLimits.maxTotalElements)");
        }
    }
}
