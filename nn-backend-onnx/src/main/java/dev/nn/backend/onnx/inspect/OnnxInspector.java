package dev.nn.backend.onnx.inspect;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.nn.backend.onnx.InvalidModelException;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.Shapes;
import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.ModelProto;
import dev.nn.backend.onnx.proto.NodeProto;
import dev.nn.backend.onnx.proto.OperatorSetIdProto;
import dev.nn.backend.onnx.proto.TensorProto;
import dev.nn.backend.onnx.proto.TensorShapeProto;
import dev.nn.backend.onnx.proto.TypeProto;
import dev.nn.backend.onnx.proto.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads ONNX files defensively and reports what they contain.
 *
 * <p>Every model is checked before anything else looks at it: it must be a ModelProto with a
 * graph, an IR version and an operator set; every tensor must hold exactly the elements its
 * dims declare, within {@link OnnxLimits}; every graph must be acyclic, with each node input
 * produced by a node, a graph input or an initializer. A model that fails gets an
 * {@link InvalidModelException} naming the file, the graph and the node or tensor at fault.
 * Nesting of subgraphs is bounded by protobuf's parse depth limit (100).
 */
public final class OnnxInspector {
    private final OnnxLimits limits;

    public OnnxInspector() {
        this(OnnxLimits.defaults());
    }

    public OnnxInspector(OnnxLimits limits) {
        this.limits = limits;
    }

    /** Reads and checks a model file. */
    public ModelProto read(Path file) {
        String source = file.toAbsolutePath().toString();
        try {
            if (Files.size(file) > Integer.MAX_VALUE) {
                throw new InvalidModelException(source + " is over 2 GiB, more than one protobuf message can hold;"
                        + " such models keep their weights as external data, which is not supported here");
            }
            return parse(Files.readAllBytes(file), source);
        } catch (NoSuchFileException e) {
            throw new OnnxException("ONNX model file not found: " + source, e);
        } catch (IOException e) {
            throw new OnnxException("Cannot read ONNX model file " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses and checks a model held in memory.
     *
     * @param source names the bytes in messages, e.g. a file name or "exported model"
     */
    public ModelProto parse(byte[] bytes, String source) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidModelException("Not an ONNX model: " + source
                    + " is not a valid protobuf message (" + e.getMessage() + ")", e);
        }
        check(model, source);
        return model;
    }

    /** Checks a model built or parsed elsewhere, e.g. by the exporter before it writes the file. */
    public void check(ModelProto model, String source) {
        new ModelValidator(limits, source).validate(model);
    }

    public ModelSummary inspect(Path file) {
        return summarize(read(file));
    }

    public ModelSummary inspect(ModelProto model, String source) {
        check(model, source);
        return summarize(model);
    }

    private static ModelSummary summarize(ModelProto model) {
        GraphProto graph = model.getGraph();
        Map<String, Long> opsets = new HashMap<>();
        for (OperatorSetIdProto opset : model.getOpsetImportList()) {
            opsets.merge(opset.getDomain(), opset.getVersion(), Math::max);
        }
        Set<String> initializers = new HashSet<>();
        long parameters = 0;
        for (TensorProto initializer : graph.getInitializerList()) {
            initializers.add(initializer.getName());
            parameters += Shapes.elementCount(initializer.getDimsList().stream().mapToLong(Long::longValue).toArray());
        }
        List<ValueSummary> inputs = graph.getInputList().stream()
                .filter(input -> !initializers.contains(input.getName()))
                .map(OnnxInspector::summarize).toList();
        List<ValueSummary> outputs = graph.getOutputList().stream().map(OnnxInspector::summarize).toList();
        Map<String, Integer> opCounts = new HashMap<>();
        countOps(graph, opCounts);
        String producer = (model.getProducerName() + " " + model.getProducerVersion()).strip();
        return new ModelSummary(model.getIrVersion(), opsets, producer, inputs, outputs, opCounts, parameters);
    }

    private static ValueSummary summarize(ValueInfoProto value) {
        TypeProto type = value.getType();
        if (!type.hasTensorType()) {
            return new ValueSummary(value.getName(), "unknown", Optional.empty());
        }
        TypeProto.Tensor tensor = type.getTensorType();
        String elementType = DataTypes.name(tensor.getElemType());
        if (!tensor.hasShape()) {
            return new ValueSummary(value.getName(), elementType, Optional.empty());
        }
        List<Dim> dims = new ArrayList<>();
        for (TensorShapeProto.Dimension dim : tensor.getShape().getDimList()) {
            dims.add(switch (dim.getValueCase()) {
                case DIM_VALUE -> new Dim.Fixed(dim.getDimValue());
                case DIM_PARAM -> new Dim.Symbolic(dim.getDimParam());
                case VALUE_NOT_SET -> new Dim.Unknown();
            });
        }
        return new ValueSummary(value.getName(), elementType, Optional.of(dims));
    }

    private static void countOps(GraphProto graph, Map<String, Integer> counts) {
        for (NodeProto node : graph.getNodeList()) {
            String op = node.getDomain().isEmpty() || node.getDomain().equals("ai.onnx")
                    ? node.getOpType() : node.getDomain() + "." + node.getOpType();
            counts.merge(op, 1, Integer::sum);
            for (AttributeProto attribute : node.getAttributeList()) {
                if (attribute.hasG()) {
                    countOps(attribute.getG(), counts);
                }
                attribute.getGraphsList().forEach(g -> countOps(g, counts));
            }
        }
    }
}
