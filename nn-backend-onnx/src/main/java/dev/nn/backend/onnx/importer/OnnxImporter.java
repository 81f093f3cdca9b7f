package dev.nn.backend.onnx.importer;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Input;
import dev.nn.api.models.Functional;
import dev.nn.backend.onnx.inspect.OnnxInspector;
import dev.nn.backend.onnx.proto.ModelProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an ONNX file into a Functional nn model: its inputs become {@code Input}s, the graph runs
 * on nn's ops, and every float initializer becomes a trainable weight, so the model predicts,
 * fine-tunes with {@code fit}, saves and exports like one built in Java.
 *
 * <pre>{@code
 * Functional model = OnnxImporter.load(Path.of("mlp.onnx"));
 * model.compile(loss("mse"), optimizer(new Adam(1e-4)));
 * model.fit(x, y, epochs(3));
 * }</pre>
 */
public final class OnnxImporter {

    private OnnxImporter() {
    }

    /**
     * Reads, checks and converts a model.
     *
     * @throws UnsupportedOpsException listing every op type nn lacks and the nodes that use it
     */
    public static Functional load(Path path) throws IOException {
        return convert(new OnnxInspector().read(path), path.toString());
    }

    /** Converts an already parsed model; {@code source} names it in error messages. */
    public static Functional convert(ModelProto model, String source) {
        GraphInterpreter graph = GraphInterpreter.of(model, source);
        List<Tensor> inputs = new ArrayList<>();
        List<int[]> shapes = graph.inputShapes();
        for (int i = 0; i < shapes.size(); i++) {
            int[] s = shapes.get(i);
            if (s.length == 0 || s[0] >= 0 && s.length == 1) {
                throw new IllegalArgumentException(source + ": input '" + graph.inputNames().get(i)
                        + "' needs a batch dimension first, its shape is " + java.util.Arrays.toString(s));
            }
            int[] example = java.util.Arrays.copyOfRange(s, 1, s.length);
            inputs.add(Input.of(layerName(graph.inputNames().get(i)), example));
        }
        List<Tensor> outputs = new ArrayList<>();
        OnnxGraphLayer owner = null;
        for (int o = 0; o < graph.outputNames().size(); o++) {
            OnnxGraphLayer layer = new OnnxGraphLayer(layerName(graph.outputNames().get(o)), graph, o, owner);
            owner = owner == null ? layer : owner;
            outputs.add(layer.apply(inputs, false));
        }
        String name = model.getGraph().getName().isEmpty() ? "onnx_model" : layerName(model.getGraph().getName());
        return new Functional(inputs, outputs, name);
    }

    /** ONNX names may hold characters nn's layer and weight names avoid ('/', ':', spaces). */
    private static String layerName(String onnxName) {
        String s = onnxName.replaceAll("[^A-Za-z0-9_.-]", "_");
        return s.isEmpty() ? "onnx" : s;
    }
}
