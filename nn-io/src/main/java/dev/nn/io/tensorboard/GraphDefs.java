package dev.nn.io.tensorboard;

import dev.nn.api.OpNode;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.models.Model;
import dev.nn.api.models.ModelGraph;
import dev.nn.io.tensorboard.proto.GraphDef;
import dev.nn.io.tensorboard.proto.NodeDef;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A model's traced op graph as the GraphDef TensorBoard's graph dashboard draws: one node per op,
 * named by layer scope ("dense_1/dense"), plus a node per input, variable and constant.
 */
final class GraphDefs {

    private GraphDefs() {
    }

    static GraphDef of(Model model) {
        ModelGraph graph = ModelGraph.trace(model);
        GraphDef.Builder def = GraphDef.newBuilder();
        Map<Object, String> names = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < graph.inputs().size(); i++) {
            String name = unique(model.inputNames().get(i), used);
            names.put(graph.inputs().get(i).producer(), name);
            def.addNode(NodeDef.newBuilder().setName(name).setOp("Placeholder"));
        }
        for (Variable v : graph.variables()) {
            String name = unique(v.name(), used);
            names.put(v, name);
            def.addNode(NodeDef.newBuilder().setName(name).setOp("VariableV2"));
        }
        for (OpNode node : graph.nodes()) {
            if (node.op() == dev.nn.api.OpType.INPUT) {
                continue; // written above, under the model's input names
            }
            NodeDef.Builder n = NodeDef.newBuilder().setOp(opName(node));
            for (Tensor in : node.inputs()) {
                n.addInput(inputName(in, names, used, def));
            }
            String name = unique(node.name(), used);
            names.put(node, name);
            def.addNode(n.setName(name));
        }
        return def.build();
    }

    private static String inputName(Tensor in, Map<Object, String> names, Set<String> used, GraphDef.Builder def) {
        if (in.variable() != null) {
            return names.get(in.variable());
        }
        if (in.producer() != null) {
            return names.get(in.producer());
        }
        String name = names.get(in);
        if (name == null) {
            name = unique("const", used);
            names.put(in, name);
            def.addNode(NodeDef.newBuilder().setName(name).setOp("Const"));
        }
        return name;
    }

    /** "DENSE" as "Dense", or the element-wise function for UNARY ("Relu"). */
    private static String opName(OpNode node) {
        String raw = node.op() == dev.nn.api.OpType.UNARY ? String.valueOf(node.attrs().get("fn")) : node.op().name();
        StringBuilder sb = new StringBuilder();
        for (String part : raw.toLowerCase(java.util.Locale.ROOT).split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int i = 1; !used.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }
}
