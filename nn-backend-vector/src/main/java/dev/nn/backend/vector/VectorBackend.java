package dev.nn.backend.vector;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.UnaryOp;

/**
 * The SIMD backend: every kernel written with {@code jdk.incubator.vector}, GEMM packed,
 * cache-blocked and split over a fixed pool of worker threads, and the element-wise, row-wise,
 * column-sum and optimizer kernels split over the same pool once they are big enough. Full sums
 * stay serial. Results depend only on the inputs, never on the number of threads. Close it to
 * stop its workers.
 */
public final class VectorBackend implements Backend {

    private final WorkerPool pool;
    private final Gemm gemm;
    private final DenseEpilogue denseEpilogue = new DenseEpilogue();
    private final ParallelUnary unary;
    private final ParallelBinary binary;
    private final ParallelSoftmax softmax;
    private final ParallelSumRows sumRows;
    private final ParallelGather gather;
    private final ParallelOptimizer optimizer;

    /** A backend with {@code threads} workers (the caller counts as one); 0 means one per core. */
    public VectorBackend(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or positive, was " + threads);
        }
        pool = new WorkerPool(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        gemm = new Gemm(pool);
        unary = new ParallelUnary(pool);
        binary = new ParallelBinary(pool);
        softmax = new ParallelSoftmax(pool);
        sumRows = new ParallelSumRows(pool);
        gather = new ParallelGather(pool);
        optimizer = new ParallelOptimizer(pool);
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int threads() {
        return pool.size();
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, float[] b, float[] c, boolean accumulate) {
        checkGemm(m, n, k, a, b, c);
        gemm.multiply(transA, transB, m, n, k, alpha, a, b, c, accumulate, null);
    }

    @Override
    public void dense(float[] x, float[] w, float[] bias, float[] y, int m, int k, int n,
                      UnaryOp activation, float alpha) {
        checkGemm(m, n, k, x, w, y);
        if (bias != null && bias.length < n) {
            throw new IllegalArgumentException("dense: bias has " + bias.length + " values, needs " + n);
        }
        // gemm() serializes calls, and the shared epilogue is only touched inside it
        synchronized (gemm) {
            // nothing to add or apply: no epilogue, rather than one that copies each row onto itself
            TileEpilogue epilogue = bias == null && activation == UnaryOp.IDENTITY
                    ? null : denseEpilogue.set(bias, activation, alpha);
            gemm.multiply(false, false, m, n, k, 1f, x, w, y, false, epilogue);
            denseEpilogue.clear();
        }
    }

    /** Short arrays would fail deep inside a worker thread; say which one here instead. */
    private static void checkGemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm: negative size m=" + m + " n=" + n + " k=" + k);
        }
        if (a.length < (long) m * k || b.length < (long) k * n || c.length < (long) m * n) {
            throw new IllegalArgumentException("gemm " + m + "x" + k + " · " + k + "x" + n + ": arrays hold "
                    + a.length + ", " + b.length + " and " + c.length + " values, need at least "
                    + (long) m * k + ", " + (long) k * n + " and " + (long) m * n);
        }
    }

    @Override
    public void binary(BinaryOp op, float[] a, float[] b, float[] out, int n, int bLength) {
        binary.binary(op, a, b, out, n, bLength);
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] a, float s, float[] out, int n) {
        binary.scalar(op, a, s, out, n);
    }

    @Override
    public void unary(UnaryOp op, float alpha, float[] x, float[] y, int n) {
        unary.apply(op, alpha, x, y, n);
    }

    @Override
    public void unaryGrad(UnaryOp op, float alpha, float[] x, float[] y, float[] dy, float[] dx, int n) {
        unary.grad(op, alpha, x, y, dy, dx, n);
    }

    @Override
    public void softmax(float[] x, float[] y, int rows, int cols) {
        softmax.softmax(x, y, rows, cols);
    }

    @Override
    public void logSoftmax(float[] x, float[] y, int rows, int cols) {
        softmax.logSoftmax(x, y, rows, cols);
    }

    @Override
    public void softmaxGrad(float[] y, float[] dy, float[] dx, int rows, int cols) {
        softmax.softmaxGrad(y, dy, dx, rows, cols);
    }

    @Override
    public void softmaxCrossEntropy(float[] logits, float[] targets, boolean sparse,
                                    float[] probs, float[] lossPerRow, int rows, int cols) {
        softmax.crossEntropy(logits, targets, sparse, probs, lossPerRow, rows, cols);
    }

    @Override
    public void sumRows(float[] x, float[] out, int rows, int cols) {
        sumRows.sumRows(x, out, rows, cols);
    }

    @Override
    public void gatherRows(float[] src, int rowSize, int[] index, int from, int to, float[] out) {
        gather.gatherRows(src, rowSize, index, from, to, out);
    }

    @Override
    public void sumCols(float[] x, float[] out, int rows, int cols) {
        Reductions.sumCols(x, out, rows, cols);
    }

    @Override
    public int firstNonFinite(float[] x, int from, int to) {
        return Reductions.firstNonFinite(x, from, to);
    }

    @Override
    public double sum(float[] x, int n) {
        return Reductions.sum(x, 0, n);
    }

    @Override
    public void sgdUpdate(float[] w, float[] g, float[] velocity, int n, float lr, float momentum, boolean nesterov) {
        optimizer.sgd(w, g, velocity, n, lr, momentum, nesterov);
    }

    @Override
    public void adamUpdate(float[] w, float[] g, float[] m, float[] v, int n,
                           float alphaT, float beta1, float beta2, float epsilon) {
        optimizer.adam(w, g, m, v, n, alphaT, beta1, beta2, epsilon);
    }

    @Override
    public void rmspropUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float rho, float epsilon) {
        optimizer.rmsprop(w, g, accumulator, n, lr, rho, epsilon);
    }

    @Override
    public void adagradUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float epsilon) {
        optimizer.adagrad(w, g, accumulator, n, lr, epsilon);
    }

    @Override
    public void close() {
        pool.close();
    }
}
