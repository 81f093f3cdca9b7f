package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.L;

import dev.nn.api.backend.UnaryOp;

/**
 * Activations and their gradients, split into slices of whole vectors when big enough. The fields
 * describe the call in progress; the lock keeps a second caller from overwriting them meanwhile.
 */
final class ParallelUnary implements WorkerPool.Parts {

    private final WorkerPool pool;

    private boolean grad;
    private UnaryOp op;
    private float alpha;
    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private int n;
    private int parts;

    ParallelUnary(WorkerPool pool) {
        this.pool = pool;
    }

    void apply(UnaryOp op, float alpha, float[] x, float[] y, int n) {
        int parts = Slices.parts(pool.size(), (long) n * cost(op, false), n, L);
        if (parts == 1) {
            UnaryKernels.apply(op, alpha, x, y, 0, n);
        } else {
            split(false, op, alpha, x, y, null, null, n, parts);
        }
    }

    void grad(UnaryOp op, float alpha, float[] x, float[] y, float[] dy, float[] dx, int n) {
        int parts = Slices.parts(pool.size(), (long) n * cost(op, true), n, L);
        if (parts == 1) {
            UnaryKernels.grad(op, alpha, x, y, dy, dx, 0, n);
        } else {
            split(true, op, alpha, x, y, dy, dx, n, parts);
        }
    }

    /**
     * Work per element in {@link Slices#SERIAL_WORK} units: an exp-based value costs about 8
     * cheap steps, a StrictMath one (log, softplus) about 64; gradients mostly reuse y.
     */
    static int cost(UnaryOp op, boolean grad) {
        return switch (op) {
            case ELU, SELU, SIGMOID, TANH, EXP -> grad ? 1 : 8;
            case SOFTPLUS -> grad ? 8 : 64;
            case LOG -> grad ? 1 : 64;
            default -> 1;
        };
    }

    private synchronized void split(boolean grad, UnaryOp op, float alpha, float[] x, float[] y, float[] dy,
                                    float[] dx, int n, int parts) {
        this.grad = grad;
        this.op = op;
        this.alpha = alpha;
        this.x = x;
        this.y = y;
        this.dy = dy;
        this.dx = dx;
        this.n = n;
        this.parts = parts;
        try {
            pool.run(this, parts);
        } finally {
            this.x = null;
            this.y = null;
            this.dy = null;
            this.dx = null;
        }
    }

    @Override
    public void run(int part, int thread) {
        int from = Slices.start(n, L, parts, part);
        int len = Slices.start(n, L, parts, part + 1) - from;
        if (grad) {
            UnaryKernels.grad(op, alpha, x, y, dy, dx, from, len);
        } else {
            UnaryKernels.apply(op, alpha, x, y, from, len);
        }
    }
}
