package dev.nn.backend.onnx.inspect;

import dev.nn.backend.onnx.InvalidModelException;
import dev.nn.backend.onnx.proto.AttributeProto;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.NodeProto;
import dev.nn.backend.onnx.proto.ValueInfoProto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The data flow of one graph: which node produces each value, and an order in which every
 * node comes after the producers of its inputs. Refuses graphs where that order cannot exist
 * (a cycle), where a node reads a value nothing provides, or where two writers share a value.
 */
public final class GraphTopology {
    /** Nodes of a cycle that a message lists before it elides the rest. */
    private static final int MAX_CYCLE_SHOWN = 8;

    private GraphTopology() {
    }

    /**
     * The nodes of a graph in dependency order, ties broken by their order in the file, so a
     * graph already sorted (as the spec asks) comes back unchanged.
     *
     * @param outerScope tells which names enclosing graphs provide; {@code name -> false} for a
     *                   model's main graph
     * @param where      names the graph for messages, e.g. "model.onnx: graph 'main'"
     * @throws InvalidModelException naming the node and the value at fault
     */
    public static List<NodeProto> sorted(GraphProto graph, Predicate<String> outerScope, String where) {
        Predicate<String> given = localValues(graph)::contains;
        given = given.or(outerScope);
        Map<String, Integer> producers = producers(graph, where);
        List<NodeProto> nodes = graph.getNodeList();
        List<Set<Integer>> predecessors = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            NodeProto node = nodes.get(i);
            Set<Integer> preds = new LinkedHashSet<>();
            for (String input : node.getInputList()) {
                Integer producer = producers.get(input);
                if (producer != null) {
                    preds.add(producer);
                } else if (!input.isEmpty() && !given.test(input)) {
                    throw new InvalidModelException(where + ": " + label(node, i) + " reads '" + input
                            + "', which no node produces and which is neither a graph input nor an initializer");
                }
            }
            // a name a subgraph cannot find is reported when that subgraph itself is checked
            subgraphReads(node).stream().map(producers::get).filter(Objects::nonNull).forEach(preds::add);
            predecessors.add(preds);
        }
        for (ValueInfoProto output : graph.getOutputList()) {
            if (!producers.containsKey(output.getName()) && !given.test(output.getName())) {
                throw new InvalidModelException(where + ": graph output '" + output.getName() + "' is never produced");
            }
        }
        return kahn(nodes, predecessors, where);
    }

    /** A readable name for a node: its name if it has one, always its op type and position. */
    public static String label(NodeProto node, int index) {
        String op = node.getDomain().isEmpty() ? node.getOpType() : node.getDomain() + "." + node.getOpType();
        return node.getName().isEmpty()
                ? "node #" + index + " (" + op + ", unnamed)"
                : "node '" + node.getName() + "' (" + op + " #" + index + ")";
    }

    /** Names a graph defines without computing them: its inputs and its initializers. */
    static Set<String> localValues(GraphProto graph) {
        Set<String> local = new HashSet<>();
        graph.getInputList().forEach(input -> local.add(input.getName()));
        graph.getInitializerList().forEach(init -> local.add(init.getName()));
        return local;
    }

    private static Map<String, Integer> producers(GraphProto graph, String where) {
        Set<String> local = localValues(graph);
        Map<String, Integer> producers = new HashMap<>();
        List<NodeProto> nodes = graph.getNodeList();
        for (int i = 0; i < nodes.size(); i++) {
            for (String output : nodes.get(i).getOutputList()) {
                if (output.isEmpty()) {
                    continue; // an omitted optional output
                }
                Integer earlier = producers.putIfAbsent(output, i);
                if (earlier != null) {
                    throw new InvalidModelException(where + ": value '" + output + "' is written by both "
                            + label(nodes.get(earlier), earlier) + " and " + label(nodes.get(i), i));
                }
                if (local.contains(output)) {
                    throw new InvalidModelException(where + ": " + label(nodes.get(i), i) + " writes '" + output
                            + "', which is already a graph input or initializer");
                }
            }
        }
        return producers;
    }

    /**
     * The outer values a node's subgraphs (If branches, Loop and Scan bodies) read: they must
     * exist before the node runs, just like its inputs.
     */
    private static Set<String> subgraphReads(NodeProto node) {
        Set<String> reads = new LinkedHashSet<>();
        for (AttributeProto attribute : node.getAttributeList()) {
            if (attribute.hasG()) {
                freeReads(attribute.getG(), reads);
            }
            attribute.getGraphsList().forEach(g -> freeReads(g, reads));
        }
        return reads;
    }

    // Names a subgraph defines itself are local to it and no dependency of the outer node.
    private static void freeReads(GraphProto graph, Set<String> reads) {
        Set<String> local = localValues(graph);
        graph.getNodeList().forEach(node -> local.addAll(node.getOutputList()));
        for (NodeProto node : graph.getNodeList()) {
            node.getInputList().stream().filter(name -> !name.isEmpty() && !local.contains(name)).forEach(reads::add);
            subgraphReads(node).stream().filter(name -> !local.contains(name)).forEach(reads::add);
        }
    }

    private static List<NodeProto> kahn(List<NodeProto> nodes, List<Set<Integer>> predecessors, String where) {
        int[] pending = new int[nodes.size()];
        List<List<Integer>> successors = new ArrayList<>(nodes.size());
        nodes.forEach(node -> successors.add(new ArrayList<>()));
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (int predecessor : predecessors.get(i)) {
                successors.get(predecessor).add(i);
            }
            pending[i] = predecessors.get(i).size();
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeProto> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order.add(nodes.get(next));
            for (int successor : successors.get(next)) {
                if (--pending[successor] == 0) {
                    ready.add(successor);
                }
            }
        }
        if (order.size() < nodes.size()) {
            throw new InvalidModelException(where + ": the graph has a cycle: " + cycle(nodes, predecessors, pending));
        }
        return order;
    }

    /**
     * One cycle among the nodes left unsorted, as "a -> b -> a". Each such node waits on another
     * unsorted node, so walking back along those waits must come round to a node seen before.
     */
    private static String cycle(List<NodeProto> nodes, List<Set<Integer>> predecessors, int[] pending) {
        // position of each node in the walk; a map keeps long hostile cycles linear
        Map<Integer, Integer> walked = new HashMap<>();
        List<Integer> walk = new ArrayList<>();
        int current = 0;
        while (pending[current] == 0) {
            current++;
        }
        while (!walked.containsKey(current)) {
            walked.put(current, walk.size());
            walk.add(current);
            current = predecessors.get(current).stream().filter(p -> pending[p] > 0).findFirst().orElseThrow();
        }
        List<Integer> loop = new ArrayList<>(walk.subList(walked.get(current), walk.size()));
        Collections.reverse(loop); // the walk went against the data flow
        Collections.rotate(loop, -loop.indexOf(Collections.min(loop))); // start at the earliest node
        loop.add(loop.getFirst());
        List<String> labels = loop.stream().map(i -> label(nodes.get(i), i)).toList();
        return labels.size() <= MAX_CYCLE_SHOWN
                ? String.join(" -> ", labels)
                : String.join(" -> ", labels.subList(0, MAX_CYCLE_SHOWN)) + " -> ... (" + (labels.size() - 1) + " nodes)";
    }
}
