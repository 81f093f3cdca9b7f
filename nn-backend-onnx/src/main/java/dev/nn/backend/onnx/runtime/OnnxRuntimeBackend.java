package dev.nn.backend.onnx.runtime;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.UnaryOp;

/**
 * nn's "onnxruntime" backend. onnxruntime runs whole graphs, not one kernel at a time, so this
 * backend computes nothing op by op: it names the thread settings for {@link OnnxRuntimeModel}
 * and refuses every kernel and training with a message that says what to use instead.
 *
 * <pre>{@code
 * Backend ort = Backends.create("onnxruntime", 2);
 * try (OnnxRuntimeModel fast = OnnxRuntimeModel.of(model, ((OnnxRuntimeBackend) ort).sessionOptions())) { ... }
 * }</pre>
 */
public final class OnnxRuntimeBackend implements Backend {
    private final int threads;

    /** @param threads onnxruntime's intra-op threads, 0 for its own choice (one per core) */
    public OnnxRuntimeBackend(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or positive, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return OnnxRuntimeBackendProvider.NAME;
    }

    @Override
    public boolean supportsTraining() {
        return false;
    }

    @Override
    public int threads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** The session settings for {@link OnnxRuntimeModel#of(dev.nn.api.models.Model, OnnxModelOptions)}. */
    public OnnxModelOptions sessionOptions() {
        return OnnxModelOptions.defaults().withIntraOpThreads(threads);
    }

    private UnsupportedOperationException refuse(String kernel) {
        return new UnsupportedOperationException("the onnxruntime backend runs whole models for inference: use "
                + "OnnxRuntimeModel.of(model).predict(x), or OnnxModel.load(path).predict(x) for an ONNX file; "
                + "train on 'vector' (Backends.use(\"vector\")). The '" + kernel + "' kernel was called, "
                + "so nn ops ran with this backend current.");
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b,
                     float[] c, boolean accumulate) {
        throw refuse("gemm");
    }

    @Override
    public void dense(float[] x, float[] w, float[] bias, float[] y, int m, int k, int n, UnaryOp activation,
                      float alpha) {
        throw refuse("dense");
    }

    @Override
    public void binary(BinaryOp op, float[] a, float[] b, float[] out, int n, int bLength) {
        throw refuse("binary");
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] a, float s, float[] out, int n) {
        throw refuse("binaryScalar");
    }

    @Override
    public void unary(UnaryOp op, float alpha, float[] x, float[] y, int n) {
        throw refuse("unary");
    }

    @Override
    public void unaryGrad(UnaryOp op, float alpha, float[] x, float[] y, float[] dy, float[] dx, int n) {
        throw refuse("unaryGrad");
    }

    @Override
    public void softmax(float[] x, float[] y, int rows, int cols) {
        throw refuse("softmax");
    }

    @Override
    public void logSoftmax(float[] x, float[] y, int rows, int cols) {
        throw refuse("logSoftmax");
    }

    @Override
    public void softmaxGrad(float[] y, float[] dy, float[] dx, int rows, int cols) {
        throw refuse("softmaxGrad");
    }

    @Override
    public void softmaxCrossEntropy(float[] logits, float[] targets, boolean sparse, float[] probs,
                                    float[] lossPerRow, int rows, int cols) {
        throw refuse("softmaxCrossEntropy");
    }

    @Override
    public void sumRows(float[] x, float[] out, int rows, int cols) {
        throw refuse("sumRows");
    }

    @Override
    public void sumCols(float[] x, float[] out, int rows, int cols) {
        throw refuse("sumCols");
    }

    @Override
    public double sum(float[] x, int n) {
        throw refuse("sum");
    }

    @Override
    public void sgdUpdate(float[] w, float[] g, float[] velocity, int n, float lr, float momentum, boolean nesterov) {
        throw refuse("sgdUpdate");
    }

    @Override
    public void adamUpdate(float[] w, float[] g, float[] m, float[] v, int n, float alphaT, float beta1, float beta2,
                           float epsilon) {
        throw refuse("adamUpdate");
    }

    @Override
    public void rmspropUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float rho, float epsilon) {
        throw refuse("rmspropUpdate");
    }

    @Override
    public void adagradUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float epsilon) {
        throw refuse("adagradUpdate");
    }
}
