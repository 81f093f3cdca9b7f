package dev.nn.backend.vector;

/** Softmax, its gradient and cross-entropy, split by rows when big enough; see {@link ParallelUnary}. */
final class ParallelSoftmax implements WorkerPool.Parts {

    private enum Kind { SOFTMAX, LOG_SOFTMAX, GRAD, CROSS_ENTROPY }

    private final WorkerPool pool;
    /** Per thread of the pool, the scratch of {@link SoftmaxKernels}' row blocks. */
    private final float[][] scratch;

    private Kind kind;
    /** x, y for the gradient, or the logits. */
    private float[] in;
    /** dy for the gradient, or the targets. */
    private float[] other;
    /** y, dx, or the probabilities. */
    private float[] out;
    private float[] loss;
    private boolean sparse;
    private int rows;
    private int cols;
    private int parts;

    ParallelSoftmax(WorkerPool pool) {
        this.pool = pool;
        this.scratch = new float[pool.size()][SoftmaxKernels.SCRATCH];
    }

    /** Synchronized, as {@link #crossEntropy}: the caller's scratch is shared by every caller. */
    synchronized void softmax(float[] x, float[] y, int rows, int cols) {
        int parts = parts(rows, cols);
        if (parts == 1) {
            SoftmaxKernels.softmax(x, y, cols, 0, rows, scratch[0]);
        } else {
            split(Kind.SOFTMAX, x, null, y, null, false, rows, cols, parts);
        }
    }

    void logSoftmax(float[] x, float[] y, int rows, int cols) {
        int parts = parts(rows, cols);
        if (parts == 1) {
            SoftmaxKernels.logSoftmax(x, y, cols, 0, rows);
        } else {
            split(Kind.LOG_SOFTMAX, x, null, y, null, false, rows, cols, parts);
        }
    }

    void softmaxGrad(float[] y, float[] dy, float[] dx, int rows, int cols) {
        int parts = parts(rows, cols);
        if (parts == 1) {
            SoftmaxKernels.softmaxGrad(y, dy, dx, cols, 0, rows);
        } else {
            split(Kind.GRAD, y, dy, dx, null, false, rows, cols, parts);
        }
    }

    synchronized void crossEntropy(float[] logits, float[] targets, boolean sparse, float[] probs, float[] loss,
                                   int rows, int cols) {
        int parts = parts(rows, cols);
        if (parts == 1) {
            SoftmaxKernels.crossEntropy(logits, targets, sparse, probs, loss, cols, 0, rows, scratch[0]);
        } else {
            split(Kind.CROSS_ENTROPY, logits, targets, probs, loss, sparse, rows, cols, parts);
        }
    }

    private int parts(int rows, int cols) {
        return Slices.parts(pool.size(), work(rows, cols), rows, 1);
    }

    /**
     * In {@link Slices#SERIAL_WORK} units: about 8 a value (its exp) and 256 a row (maximum, lane
     * sums, log, division); a cross-entropy row of 10 took 75 ns, one of 300 took 420 ns.
     */
    static long work(int rows, int cols) {
        return rows * (8L * cols + 256);
    }

    private synchronized void split(Kind kind, float[] in, float[] other, float[] out, float[] loss, boolean sparse,
                                    int rows, int cols, int parts) {
        this.kind = kind;
        this.in = in;
        this.other = other;
        this.out = out;
        this.loss = loss;
        this.sparse = sparse;
        this.rows = rows;
        this.cols = cols;
        this.parts = parts;
        try {
            pool.run(this, parts);
        } finally {
            this.in = null;
            this.other = null;
            this.out = null;
            this.loss = null;
        }
    }

    @Override
    public void run(int part, int thread) {
        int r0 = Slices.start(rows, 1, parts, part);
        int r1 = Slices.start(rows, 1, parts, part + 1);
        switch (kind) {
            case SOFTMAX -> SoftmaxKernels.softmax(in, out, cols, r0, r1, scratch[thread]);
            case LOG_SOFTMAX -> SoftmaxKernels.logSoftmax(in, out, cols, r0, r1);
            case GRAD -> SoftmaxKernels.softmaxGrad(in, other, out, cols, r0, r1);
            case CROSS_ENTROPY ->
                    SoftmaxKernels.crossEntropy(in, other, sparse, out, loss, cols, r0, r1, scratch[thread]);
        }
    }
}
