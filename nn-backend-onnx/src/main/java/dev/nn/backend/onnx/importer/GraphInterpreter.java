package dev.nn.backend.onnx.importer;

import dev.nn.api.Tensor;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.inspect.GraphTopology;
import dev.nn.backend.onnx.inspect.OnnxInspector;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.ModelProto;
import dev.nn.backend.onnx.proto.NodeProto;
import dev.nn.backend.onnx.proto.OperatorSetIdProto;
import dev.nn.backend.onnx.proto.TensorProto;
import dev.nn.backend.onnx.proto.TensorShapeProto;
import dev.nn.backend.onnx.proto.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs an ONNX graph with nn's ops, node by node in dependency order. It is the importer's core
 * and needs no model class: a Functional importer makes a {@link dev.nn.api.Variable} from each of
 * {@link #weights()} and calls {@link #run} on symbolic inputs with those variables' values, which
 * traces the graph into nn ops that train like any other.
 */
public final class GraphInterpreter {
    private final String source;
    private final GraphProto graph;
    private final List<NodeProto> order;
    private final OnnxOpMapper mapper;
    private final Map<String, Tensor> weights = new LinkedHashMap<>();
    private final Map<String, Value> constants = new HashMap<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();

    private GraphInterpreter(String source, GraphProto graph, int opset) {
        this.source = source;
        this.graph = graph;
        this.order = GraphTopology.sorted(graph, name -> false, source);
        this.mapper = new OnnxOpMapper(opset);
        for (TensorProto t : graph.getInitializerList()) {
            Value v = TensorValues.of(t, source);
            if (v instanceof Value.Floats(Tensor w) && w.rank() > 0) {
                weights.put(t.getName(), w);
            } else {
                // scalars (Clip bounds, exported constants) stay constants, not trainable weights
                constants.put(t.getName(), v);
            }
        }
        for (ValueInfoProto in : graph.getInputList()) {
            if (!weights.containsKey(in.getName()) && !constants.containsKey(in.getName())) {
                inputs.add(in); // before IR 4, initializers were listed as inputs too
            }
        }
    }

    /**
     * Checks a model (structure, then that nn has every op it uses) and prepares it to run.
     *
     * @throws dev.nn.backend.onnx.InvalidModelException when the model is malformed
     * @throws UnsupportedOpsException listing every op type nn lacks and the nodes using it
     */
    public static GraphInterpreter of(ModelProto model, String source) {
        new OnnxInspector().check(model, source);
        int opset = -1;
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                opset = (int) o.getVersion();
            }
        }
        if (opset < 0) {
            throw new OnnxException(source + " imports no ai.onnx opset");
        }
        Map<String, List<String>> unsupported = new TreeMap<>();
        for (NodeProto node : model.getGraph().getNodeList()) {
            boolean standard = node.getDomain().isEmpty() || node.getDomain().equals("ai.onnx");
            if (!standard || !OnnxOpMapper.SUPPORTED.contains(node.getOpType())) {
                String type = standard ? node.getOpType() : node.getDomain() + "." + node.getOpType();
                unsupported.computeIfAbsent(type, k -> new ArrayList<>()).add("'" + node.getName() + "'");
            }
        }
        if (!unsupported.isEmpty()) {
            throw new UnsupportedOpsException(source, unsupported);
        }
        return new GraphInterpreter(source, GemmLayout.normalize(model.getGraph()), opset);
    }

    /** The float initializers by name, in nn's layout (Gemm weights as (in, out)): the trainable weights. */
    public Map<String, Tensor> weights() {
        return Map.copyOf(weights);
    }

    public List<String> inputNames() {
        return inputs.stream().map(ValueInfoProto::getName).toList();
    }

    public List<String> outputNames() {
        return graph.getOutputList().stream().map(ValueInfoProto::getName).toList();
    }

    /** Each input's shape, -1 where the model leaves a dimension open (the batch). */
    public List<int[]> inputShapes() {
        List<int[]> shapes = new ArrayList<>();
        for (ValueInfoProto in : inputs) {
            List<TensorShapeProto.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
            shapes.add(dims.stream().mapToInt(d -> d.hasDimValue() ? Math.toIntExact(d.getDimValue()) : -1).toArray());
        }
        return shapes;
    }

    /** Runs the graph with its own weights. */
    public List<Tensor> run(List<Tensor> inputs) {
        return run(inputs, weights);
    }

    /**
     * Runs the graph on these inputs (in {@link #inputNames()} order) with these weights (by
     * name, e.g. variables' values, for every name of {@link #weights()}): one tensor per output.
     */
    public List<Tensor> run(List<Tensor> xs, Map<String, Tensor> weightValues) {
        if (xs.size() != inputs.size()) {
            throw new IllegalArgumentException(source + " takes " + inputs.size() + " inputs " + inputNames()
                    + ", got " + xs.size());
        }
        if (!weightValues.keySet().containsAll(weights.keySet())) {
            Set<String> missing = new TreeSet<>(weights.keySet());
            missing.removeAll(weightValues.keySet());
            throw new IllegalArgumentException(source + ": no value given for weights " + missing);
        }
        Map<String, Value> values = new HashMap<>(constants);
        weightValues.forEach((name, w) -> values.put(name, new Value.Floats(w)));
        for (int i = 0; i < xs.size(); i++) {
            values.put(inputs.get(i).getName(), new Value.Floats(xs.get(i)));
        }
        for (NodeProto node : order) {
            List<Value> in = new ArrayList<>(node.getInputCount());
            for (String name : node.getInputList()) {
                in.add(name.isEmpty() ? null : values.get(name)); // "" marks an absent optional input
            }
            List<Value> out = mapper.apply(node, in);
            for (int i = 0; i < out.size() && i < node.getOutputCount(); i++) {
                values.put(node.getOutput(i), out.get(i));
            }
        }
        List<Tensor> outs = new ArrayList<>();
        for (String name : outputNames()) {
            if (!(values.get(name) instanceof Value.Floats(Tensor t))) {
                throw new OnnxException(source + ": output '" + name + "' is not a float32 tensor");
            }
            outs.add(t);
        }
        return outs;
    }
}
