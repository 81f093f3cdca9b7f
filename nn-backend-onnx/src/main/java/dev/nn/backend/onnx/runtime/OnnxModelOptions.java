package dev.nn.backend.onnx.runtime;

/**
 * How onnxruntime runs a model. Fix both thread counts for repeatable timings; results of the
 * default CPU kernels do not depend on them.
 *
 * @param intraOpThreads threads that split one operator, 0 for onnxruntime's choice (all cores)
 * @param interOpThreads threads that run independent operators at once, 0 for onnxruntime's choice
 */
public record OnnxModelOptions(int intraOpThreads, int interOpThreads) {

    public OnnxModelOptions {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be 0 (onnxruntime's choice) or positive, got intraOp="
                    + intraOpThreads + " interOp=" + interOpThreads);
        }
    }

    public static OnnxModelOptions defaults() {
        return new OnnxModelOptions(0, 0);
    }

    public OnnxModelOptions withIntraOpThreads(int threads) {
        return new OnnxModelOptions(threads, interOpThreads);
    }

    public OnnxModelOptions withInterOpThreads(int threads) {
        return new OnnxModelOptions(intraOpThreads, threads);
    }
}
