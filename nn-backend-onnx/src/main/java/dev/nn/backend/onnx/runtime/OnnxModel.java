package dev.nn.backend.onnx.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.nn.api.Tensor;
import dev.nn.backend.onnx.InvalidModelException;
import dev.nn.backend.onnx.OnnxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any ONNX model on onnxruntime's CPU provider, with float32 inputs and outputs.
 *
 * <p>One onnxruntime session is made at load time and reused by every {@code predict}; it is
 * safe to call {@code predict} from several threads at once. Close the model to free the
 * native memory it holds.
 */
public final class OnnxModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OnnxModel.class);

    /** Opens a session from onnxruntime's side: from a file or from bytes. */
    private interface SessionOpener {
        OrtSession open(OrtEnvironment env, OrtSession.SessionOptions options) throws OrtException;
    }

    private final String source;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    /**
     * Direct input buffers, one set per concurrent call, reused. Given a heap buffer, onnxruntime
     * copies it into a new direct buffer every call; once those filled the JVM's direct-memory
     * limit, each allocation waited on a garbage collection, and batch-256 calls ran at a third
     * of their speed for seconds at a time.
     */
    private final Queue<FloatBuffer[]> inputBuffers = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private OnnxModel(String source, OrtEnvironment env, OrtSession session) throws OrtException {
        this.source = source;
        this.env = env;
        this.session = session;
        this.inputs = specs(session.getInputInfo());
        this.outputs = specs(session.getOutputInfo());
    }

    public static OnnxModel load(Path file) {
        return load(file, OnnxModelOptions.defaults());
    }

    /**
     * Loads a model from a file; tensors stored as external data are found beside it.
     *
     * @throws OnnxException         when the file is missing or unreadable
     * @throws InvalidModelException when the file is not a model onnxruntime can load
     */
    public static OnnxModel load(Path file, OnnxModelOptions options) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new OnnxException("ONNX model file not found: " + file.toAbsolutePath());
        }
        if (!Files.isReadable(file)) {
            throw new OnnxException("ONNX model file is not readable: " + file.toAbsolutePath());
        }
        String path = file.toAbsolutePath().toString();
        return open("ONNX file " + path, options, (env, opts) -> env.createSession(path, opts));
    }

    public static OnnxModel fromBytes(byte[] model) {
        return fromBytes(model, OnnxModelOptions.defaults());
    }

    /** Loads a model held in memory, e.g. one the exporter just wrote. */
    public static OnnxModel fromBytes(byte[] model, OnnxModelOptions options) {
        Objects.requireNonNull(model, "model");
        return open("in-memory ONNX model (" + model.length + " bytes)", options,
                (env, opts) -> env.createSession(model, opts));
    }

    private static OnnxModel open(String source, OnnxModelOptions options, SessionOpener opener) {
        Objects.requireNonNull(options, "options");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            if (options.intraOpThreads() > 0) {
                sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
            }
            if (options.interOpThreads() > 0) {
                sessionOptions.setInterOpNumThreads(options.interOpThreads());
            }
            OnnxModel model = new OnnxModel(source, env, opener.open(env, sessionOptions));
            log.debug("Loaded {}: inputs {}, outputs {}", source, model.inputs, model.outputs);
            return model;
        } catch (OrtException e) {
            throw loadFailure(source, e);
        }
    }

    private static OnnxException loadFailure(String source, OrtException e) {
        return switch (e.getCode()) {
            case ORT_INVALID_PROTOBUF, ORT_INVALID_GRAPH, ORT_NO_MODEL, ORT_INVALID_ARGUMENT,
                 ORT_NOT_IMPLEMENTED -> new InvalidModelException(
                    "Not a loadable ONNX model: " + source + ": " + e.getMessage(), e);
            default -> new OnnxException("onnxruntime failed to load " + source + ": " + e.getMessage(), e);
        };
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> infos) {
        List<TensorSpec> specs = new ArrayList<>(infos.size());
        for (NodeInfo info : infos.values()) {
            if (info.getInfo() instanceof TensorInfo tensor) {
                specs.add(new TensorSpec(info.getName(), tensor.type.name(), tensor.getShape(),
                        Arrays.asList(tensor.getDimensionNames())));
            } else {
                // sequences and maps: listed so that names line up, never accepted by predict
                specs.add(new TensorSpec(info.getName(), info.getInfo().toString(), new long[0], List.of()));
            }
        }
        return List.copyOf(specs);
    }

    public List<TensorSpec> inputs() {
        return inputs;
    }

    public List<TensorSpec> outputs() {
        return outputs;
    }

    public List<String> inputNames() {
        return inputs.stream().map(TensorSpec::name).toList();
    }

    public List<String> outputNames() {
        return outputs.stream().map(TensorSpec::name).toList();
    }

    /**
     * Runs the model on inputs given in the order of {@link #inputs()}.
     *
     * @return one array per output, in the order of {@link #outputs()}
     */
    public List<FloatArray> predict(FloatArray... arrays) {
        if (arrays.length != inputs.size()) {
            throw new IllegalArgumentException(source + " takes " + inputs.size() + " inputs "
                    + inputNames() + " but " + arrays.length + " were given");
        }
        Map<String, FloatArray> byName = new LinkedHashMap<>();
        for (int i = 0; i < arrays.length; i++) {
            byName.put(inputs.get(i).name(), arrays[i]);
        }
        return List.copyOf(predict(byName).values());
    }

    /**
     * Runs a model of one input and one output on an nn tensor.
     *
     * @throws IllegalArgumentException when the model has more inputs or outputs, or x the wrong shape
     */
    public Tensor predict(Tensor x) {
        if (outputs.size() != 1) {
            throw new IllegalArgumentException(source + " has " + outputs.size() + " outputs " + outputNames()
                    + "; use predict(List) to get them all");
        }
        return predict(List.of(x)).getFirst();
    }

    /** Runs the model on nn tensors given in the order of {@link #inputs()}; one tensor per output. */
    public List<Tensor> predict(List<Tensor> xs) {
        FloatArray[] arrays = xs.stream().map(Tensors::toFloatArray).toArray(FloatArray[]::new);
        return predict(arrays).stream().map(Tensors::toTensor).toList();
    }

    /**
     * Runs the model on named inputs; every input of the model must be given, and no other.
     *
     * @return every output by name, in the order of {@link #outputs()}
     * @throws IllegalArgumentException when an input is missing, unknown, or of the wrong shape
     */
    public Map<String, FloatArray> predict(Map<String, FloatArray> arrays) {
        if (closed) {
            throw new IllegalStateException(source + " is closed");
        }
        checkInputs(arrays);
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        FloatBuffer[] buffers = inputBuffers.poll();
        if (buffers == null) {
            buffers = new FloatBuffer[inputs.size()];
        }
        try {
            for (int i = 0; i < inputs.size(); i++) {
                TensorSpec spec = inputs.get(i);
                FloatArray array = arrays.get(spec.name());
                buffers[i] = fill(buffers[i], array.data());
                feed.put(spec.name(), OnnxTensor.createTensor(env, buffers[i], array.shape()));
            }
            try (OrtSession.Result result = session.run(feed)) {
                Map<String, FloatArray> out = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> entry : result) {
                    out.put(entry.getKey(), toFloatArray(entry.getKey(), entry.getValue()));
                }
                return out;
            }
        } catch (OrtException e) {
            throw new OnnxException("onnxruntime failed to run " + source + ": " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
            inputBuffers.offer(buffers);
        }
    }

    /** The data in a direct buffer, reusing {@code buffer} when it is large enough. */
    private static FloatBuffer fill(FloatBuffer buffer, float[] data) {
        FloatBuffer b = buffer;
        if (b == null || b.capacity() < data.length) {
            b = ByteBuffer.allocateDirect(Math.multiplyExact(data.length, Float.BYTES)).order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
        }
        b.clear();
        b.put(data);
        b.flip();
        return b;
    }

    private void checkInputs(Map<String, FloatArray> arrays) {
        Set<String> expected = new LinkedHashSet<>(inputNames());
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(arrays.keySet());
        Set<String> unknown = new LinkedHashSet<>(arrays.keySet());
        unknown.removeAll(expected);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException(source + " takes inputs " + expected
                    + (missing.isEmpty() ? "" : "; missing " + missing)
                    + (unknown.isEmpty() ? "" : "; not inputs of this model " + unknown));
        }
        for (TensorSpec spec : inputs) {
            if (!spec.isFloat()) {
                throw new IllegalArgumentException(source + ": input '" + spec.name() + "' is "
                        + spec.elementType() + "; predict feeds float32 only");
            }
            FloatArray array = Objects.requireNonNull(arrays.get(spec.name()), () -> "input '" + spec.name() + "'");
            spec.check(array);
        }
    }

    private FloatArray toFloatArray(String name, OnnxValue value) {
        if (!(value instanceof OnnxTensor tensor) || tensor.getInfo().type != OnnxJavaType.FLOAT) {
            throw new OnnxException(source + ": output '" + name + "' is " + value.getInfo()
                    + "; predict returns float32 tensors only");
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] data = new float[buffer.remaining()];
        buffer.get(data);
        return new FloatArray(data, tensor.getInfo().getShape());
    }

    /** Frees the native session; later calls to predict fail. Closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new OnnxException("onnxruntime failed to close " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "OnnxModel(" + source + ", inputs " + inputs + ", outputs " + outputs + ")";
    }
}
