package dev.nn.api.backend;

import java.util.Objects;

/**
 * The kernels every backend provides. Arrays are float32, row-major and dense; the op layer
 * ({@code dev.nn.api.Ops}) checks shapes, handles broadcasting and autodiff, then calls these.
 * A kernel writes only its output arguments and never keeps a reference to an array it was given.
 *
 * <p>Backends are found with {@link java.util.ServiceLoader} through {@link BackendProvider}.
 */
public interface Backend extends AutoCloseable {

    /** Short name used to select it: "reference", "vector", ... */
    String name();

    /** False for inference-only backends; training on them fails with a clear message. */
    default boolean supportsTraining() {
        return true;
    }

    /** Worker threads the kernels may use (1 for single-threaded backends). */
    int threads();

    /**
     * {@code c = alpha · op(a) · op(b)}, or {@code c += alpha · op(a) · op(b)} when {@code accumulate}.
     * op(a) is m×k: {@code a} is stored m×k, or k×m when {@code transA}.
     * op(b) is k×n: {@code b} is stored k×n, or n×k when {@code transB}. c is m×n.
     * With {@code accumulate} and a negative alpha this is a plain SGD step of a weight c, with no
     * gradient array in between. A backend may round alpha·op(a) to float before multiplying.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, float[] b, float[] c, boolean accumulate);

    /**
     * Fused dense forward: {@code y = act(x · w + bias)} with x m×k, w k×n, bias n (or null), y m×n.
     */
    void dense(float[] x, float[] w, float[] bias, float[] y, int m, int k, int n,
               UnaryOp activation, float alpha);

    /** {@code out[i] = a[i] op b[i % bLength]} for i in [0, n); bLength divides n. */
    void binary(BinaryOp op, float[] a, float[] b, float[] out, int n, int bLength);

    /** {@code out[i] = a[i] op s}. */
    void binaryScalar(BinaryOp op, float[] a, float s, float[] out, int n);

    /** {@code y[i] = f(x[i])}; alpha is the op's parameter (leaky slope, elu alpha, huber delta). */
    void unary(UnaryOp op, float alpha, float[] x, float[] y, int n);

    /** {@code dx[i] = dy[i] · f'(x[i])}; y holds f(x) so ops that need it need not recompute it. */
    void unaryGrad(UnaryOp op, float alpha, float[] x, float[] y, float[] dy, float[] dx, int n);

    /** Row-wise softmax of a rows×cols matrix. */
    void softmax(float[] x, float[] y, int rows, int cols);

    /** Row-wise log-softmax of a rows×cols matrix. */
    void logSoftmax(float[] x, float[] y, int rows, int cols);

    /** Gradient of row-wise softmax: {@code dx = y ⊙ (dy − rowsum(dy ⊙ y))}. */
    void softmaxGrad(float[] y, float[] dy, float[] dx, int rows, int cols);

    /**
     * Fused softmax cross-entropy. Writes the probabilities and each row's loss
     * {@code −Σ t log softmax(z)}. Targets are one-hot/probabilities (rows×cols) when
     * {@code sparse} is false, or class indices (rows) when true.
     */
    void softmaxCrossEntropy(float[] logits, float[] targets, boolean sparse,
                             float[] probs, float[] lossPerRow, int rows, int cols);

    /** {@code out[c] = Σ_r x[r, c]} over a rows×cols matrix (bias gradient). */
    void sumRows(float[] x, float[] out, int rows, int cols);

    /**
     * Copies rows {@code index[from..to)} of {@code src} (rows of {@code rowSize} floats) to rows
     * 0.. of {@code out}: gathering a shuffled batch. A backend may split the copy over threads.
     */
    default void gatherRows(float[] src, int rowSize, int[] index, int from, int to, float[] out) {
        for (int i = from; i < to; i++) {
            System.arraycopy(src, index[i] * rowSize, out, (i - from) * rowSize, rowSize);
        }
    }

    /**
     * The index of the first NaN or infinity in {@code x[from..to)}, or -1 if there is none: the
     * input checks of fit, evaluate and predict scan all their data with it.
     */
    default int firstNonFinite(float[] x, int from, int to) {
        Objects.checkFromToIndex(from, to, x.length);
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }

    /** {@code out[r] = Σ_c x[r, c]} over a rows×cols matrix. */
    void sumCols(float[] x, float[] out, int rows, int cols);

    /** Sum of the first n elements, accumulated in double. */
    double sum(float[] x, int n);

    /**
     * SGD step in place: {@code v = momentum·v − lr·g; w += v} (or the Nesterov form
     * {@code w += momentum·v − lr·g}); with momentum 0, velocity may be null and {@code w −= lr·g}.
     */
    void sgdUpdate(float[] w, float[] g, float[] velocity, int n, float lr, float momentum, boolean nesterov);

    /**
     * Adam step in place, Keras's form: {@code m = b1·m + (1−b1)·g; v = b2·v + (1−b2)·g²;
     * w −= alphaT · m / (√v + eps)}, where the caller folds bias correction into alphaT.
     */
    void adamUpdate(float[] w, float[] g, float[] m, float[] v, int n,
                    float alphaT, float beta1, float beta2, float epsilon);

    /** RMSprop step in place, Keras's form: {@code a = rho·a + (1−rho)·g²; w −= lr·g / √(a + eps)}. */
    void rmspropUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float rho, float epsilon);

    /** Adagrad step in place, Keras's form: {@code a += g²; w −= lr·g / √(a + eps)}. */
    void adagradUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float epsilon);

    /** Releases worker threads. The default backend lives as long as the process. */
    @Override
    default void close() {
    }
}
