package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.L;

import dev.nn.api.backend.BinaryOp;

/** Binary operations, split into slices of whole vectors when big enough; see {@link ParallelUnary}. */
final class ParallelBinary implements WorkerPool.Parts {

    private final WorkerPool pool;

    private BinaryOp op;
    private float[] a;
    private float[] b;
    private float s;
    private float[] out;
    private int n;
    private int bLength;
    private int parts;

    ParallelBinary(WorkerPool pool) {
        this.pool = pool;
    }

    void binary(BinaryOp op, float[] a, float[] b, float[] out, int n, int bLength) {
        int parts = Slices.parts(pool.size(), n, n, L);
        if (parts == 1) {
            BinaryKernels.binary(op, a, b, out, bLength, 0, n);
        } else {
            split(op, a, b, 0f, out, n, bLength, parts);
        }
    }

    void scalar(BinaryOp op, float[] a, float s, float[] out, int n) {
        int parts = Slices.parts(pool.size(), n, n, L);
        if (parts == 1) {
            BinaryKernels.scalar(op, a, s, out, 0, n);
        } else {
            split(op, a, null, s, out, n, 1, parts);
        }
    }

    private synchronized void split(BinaryOp op, float[] a, float[] b, float s, float[] out, int n, int bLength,
                                    int parts) {
        this.op = op;
        this.a = a;
        this.b = b;
        this.s = s;
        this.out = out;
        this.n = n;
        this.bLength = bLength;
        this.parts = parts;
        try {
            pool.run(this, parts);
        } finally {
            this.a = null;
            this.b = null;
            this.out = null;
        }
    }

    @Override
    public void run(int part, int thread) {
        int from = Slices.start(n, L, parts, part);
        int to = Slices.start(n, L, parts, part + 1);
        if (b == null) {
            BinaryKernels.scalar(op, a, s, out, from, to);
        } else {
            BinaryKernels.binary(op, a, b, out, bLength, from, to);
        }
    }
}
