package dev.nn.api.models;

import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.layers.Layer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A picture of a model's graph of layers, as Keras's {@code plot_model}: one box per input and
 * per layer, an arrow per connection, optionally the shapes. Written as Graphviz DOT; a file
 * named {@code .png} or {@code .svg} is rendered by Graphviz's {@code dot} program.
 */
public final class ModelPlot {

    private static final long DOT_TIMEOUT_SECONDS = 60;

    private ModelPlot() {
    }

    /**
     * Writes the picture of a built model to {@code file}: DOT text for {@code .dot} or
     * {@code .gv}, an image for {@code .png} or {@code .svg} (which needs {@code dot} on the PATH).
     */
    public static void plotModel(Model model, Path file, boolean showShapes) {
        String dot = dot(model, showShapes);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".png") ? "png" : name.endsWith(".svg") ? "svg" : null;
        try {
            if (format == null) {
                Files.writeString(file, dot, StandardCharsets.UTF_8);
            } else {
                render(dot, format, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot of model '" + model.name() + "' to " + file, e);
        }
    }

    /** The DOT text of a built model's graph of layers. */
    public static String dot(Model model, boolean showShapes) {
        ModelGraph traced = ModelGraph.trace(model);
        LayerGraph graph = LayerGraph.traced(traced.inputs(), traced.outputs(), model.name());
        Map<Layer, String> ids = new IdentityHashMap<>();
        StringBuilder sb = new StringBuilder("digraph \"").append(escape(model.name())).append("\" {\n");
        sb.append("  graph [rankdir=TB, dpi=96];\n  node [shape=record, fontname=\"Helvetica\", fontsize=11];\n");
        List<String> inputNames = model.inputNames();
        for (int i = 0; i < traced.inputs().size(); i++) {
            Tensor in = traced.inputs().get(i);
            sb.append(box("input_" + i, inputNames.get(i), "InputLayer", List.of(), in.shape(), showShapes));
        }
        for (Layer l : graph.layers()) {
            ids.put(l, "layer_" + ids.size());
            LayerGraph.Node first = firstCall(graph, l);
            List<int[]> inShapes = new ArrayList<>();
            for (Tensor t : first.inputs()) {
                inShapes.add(t.shape());
            }
            sb.append(box(ids.get(l), l.name(), l.typeName(), inShapes, first.output().shape(), showShapes));
        }
        Set<String> edges = new LinkedHashSet<>();
        for (LayerGraph.Node n : graph.nodes()) {
            for (Tensor in : n.inputs()) {
                for (Tensor from : graph.feeders(in)) {
                    LayerGraph.Node p = graph.producer(from);
                    String source = p != null ? ids.get(p.layer()) : "input_" + indexOf(traced.inputs(), from);
                    edges.add("  " + source + " -> " + ids.get(n.layer()) + ";\n");
                }
            }
        }
        edges.forEach(sb::append);
        return sb.append("}\n").toString();
    }

    private static LayerGraph.Node firstCall(LayerGraph graph, Layer l) {
        for (LayerGraph.Node n : graph.nodes()) {
            if (n.layer() == l) {
                return n;
            }
        }
        throw new IllegalStateException("layer '" + l.name() + "' is not in the graph");
    }

    private static int indexOf(List<Tensor> ts, Tensor t) {
        for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i) == t) {
                return i;
            }
        }
        throw new IllegalStateException("tensor " + t + " is not a model input");
    }

    private static String box(String id, String name, String type, List<int[]> in, int[] out, boolean showShapes) {
        String title = escape(name) + " (" + escape(type) + ")";
        String label = title;
        if (showShapes) {
            List<String> ins = new ArrayList<>();
            for (int[] s : in) {
                ins.add(Shapes.str(s));
            }
            String inText = ins.isEmpty() ? Shapes.str(out) : String.join(", ", ins);
            label = "{" + title + "|{input:|output:}|{" + escape(inText) + "|" + escape(Shapes.str(out)) + "}}";
        }
        return "  " + id + " [label=\"" + label + "\"];\n";
    }

    /** Escapes what DOT strings and record labels treat as syntax. */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\"\\{}|<>".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static void render(String dot, String format, Path file) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder("dot", "-T" + format, "-o", file.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("drawing a ." + format + " needs Graphviz's 'dot' program on the PATH ("
                    + e.getMessage() + "); install graphviz, or plot to a .dot file", e);
        }
        try (var in = p.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        }
        try {
            String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(DOT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Graphviz 'dot' did not finish within " + DOT_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("Graphviz 'dot' failed with exit code " + p.exitValue() + ": " + messages.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while Graphviz 'dot' was drawing " + file, e);
        }
    }
}
