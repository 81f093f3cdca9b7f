package dev.nn.backend.onnx.export;

import dev.nn.api.models.Model;
import dev.nn.backend.onnx.OnnxException;
import dev.nn.backend.onnx.inspect.OnnxInspector;
import dev.nn.backend.onnx.proto.GraphProto;
import dev.nn.backend.onnx.proto.ModelProto;
import dev.nn.backend.onnx.proto.OperatorSetIdProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports an nn model to a standard ONNX {@code ModelProto}: the model's forward pass is traced
 * on placeholders (inference mode, so dropout is gone) and each traced op is mapped to ONNX
 * operators. Weights become initializers named by their variables ("dense/kernel"); node names
 * keep nn's layer names ("dense/dense"); inputs and outputs carry the model's input and output
 * names with a symbolic first dimension, "batch". The weights are those at the time of export.
 *
 * <pre>{@code
 * OnnxExporter.export(model, Path.of("model.onnx"));
 * }</pre>
 */
public final class OnnxExporter {
    private static final Logger log = LoggerFactory.getLogger(OnnxExporter.class);
    static final String PRODUCER = "nn";

    private OnnxExporter() {
    }

    /** Writes the model at opset 17, atomically (a reader never sees half a file). */
    public static void export(Model model, Path file) {
        export(model, file, ExportOptions.defaults());
    }

    public static void export(Model model, Path file, ExportOptions options) {
        Objects.requireNonNull(file, "file");
        byte[] bytes = toBytes(model, options);
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new OnnxException("cannot write ONNX model to " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        log.info("Exported model '{}' to {} ({} bytes, opset {})", model.name(), file, bytes.length, options.opset());
    }

    /** The serialized model at opset 17, e.g. for onnxruntime without a file. */
    public static byte[] toBytes(Model model) {
        return toBytes(model, ExportOptions.defaults());
    }

    public static byte[] toBytes(Model model, ExportOptions options) {
        return toModelProto(model, options).toByteArray();
    }

    /**
     * The model as an ONNX message, checked with {@link OnnxInspector} (sizes, dangling inputs,
     * cycles).
     *
     * @throws OnnxException         when the model holds an op an inference graph cannot have (a loss)
     * @throws IllegalStateException when the model is not built
     */
    public static ModelProto toModelProto(Model model, ExportOptions options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        ModelTrace trace = ModelTrace.of(model);
        GraphProto graph = new GraphAssembler(options.opset())
                .assemble(model.name(), trace, model.inputNames(), model.outputNames());
        ModelProto proto = ModelProto.newBuilder()
                .setIrVersion(options.irVersion())
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(options.opset()))
                .setProducerName(PRODUCER)
                .setProducerVersion(NnVersion.get())
                .setGraph(graph)
                .build();
        new OnnxInspector().check(proto, "model '" + model.name() + "' exported by nn");
        log.debug("Traced model '{}' to {} ONNX nodes", model.name(), graph.getNodeCount());
        return proto;
    }
}
