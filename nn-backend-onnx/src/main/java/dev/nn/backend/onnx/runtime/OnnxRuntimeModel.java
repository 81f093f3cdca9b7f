package dev.nn.backend.onnx.runtime;

import dev.nn.api.Tensor;
import dev.nn.api.models.Model;
import dev.nn.backend.onnx.export.ExportOptions;
import dev.nn.backend.onnx.export.OnnxExporter;
import java.util.List;
import java.util.Objects;

/**
 * An nn model served by onnxruntime: exported in memory once, run in one session reused by
 * every {@code predict} (safe from several threads). It holds a snapshot of the weights taken
 * when it was made; make a new one after further training. Close it to free native memory.
 *
 * <pre>{@code
 * try (OnnxRuntimeModel fast = OnnxRuntimeModel.of(model, OnnxModelOptions.defaults().withIntraOpThreads(2))) {
 *     Tensor probabilities = fast.predict(images);
 * }
 * }</pre>
 */
public final class OnnxRuntimeModel implements AutoCloseable {
    private final String name;
    private final OnnxModel session;

    private OnnxRuntimeModel(String name, OnnxModel session) {
        this.name = name;
        this.session = session;
    }

    /** The model on onnxruntime, with onnxruntime's choice of threads. */
    public static OnnxRuntimeModel of(Model model) {
        return of(model, OnnxModelOptions.defaults());
    }

    public static OnnxRuntimeModel of(Model model, OnnxModelOptions threads) {
        return of(model, threads, ExportOptions.defaults());
    }

    public static OnnxRuntimeModel of(Model model, OnnxModelOptions threads, ExportOptions export) {
        Objects.requireNonNull(model, "model");
        byte[] bytes = OnnxExporter.toBytes(model, export);
        return new OnnxRuntimeModel(model.name(), OnnxModel.fromBytes(bytes, threads));
    }

    /** The output of a model with one input and one output, for the rows of x. */
    public Tensor predict(Tensor x) {
        return session.predict(x);
    }

    /** One tensor per output, for inputs given in the model's input order. */
    public List<Tensor> predict(List<Tensor> xs) {
        return session.predict(xs);
    }

    public List<String> inputNames() {
        return session.inputNames();
    }

    public List<String> outputNames() {
        return session.outputNames();
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "OnnxRuntimeModel(" + name + ", inputs " + session.inputs() + ", outputs " + session.outputs() + ")";
    }
}
