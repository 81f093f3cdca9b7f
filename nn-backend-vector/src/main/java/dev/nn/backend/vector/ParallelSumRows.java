package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.L;

/**
 * Column sums (the bias gradient), split into strips of whole vectors of columns when big enough;
 * each column is still summed over its rows in order, so the split cannot change a bit.
 */
final class ParallelSumRows implements WorkerPool.Parts {

    private final WorkerPool pool;

    private float[] x;
    private float[] out;
    private int rows;
    private int cols;
    private int parts;

    ParallelSumRows(WorkerPool pool) {
        this.pool = pool;
    }

    void sumRows(float[] x, float[] out, int rows, int cols) {
        int parts = Slices.parts(pool.size(), (long) rows * cols, cols, L);
        if (parts == 1) {
            Reductions.sumRows(x, out, rows, cols, 0, cols);
        } else {
            split(x, out, rows, cols, parts);
        }
    }

    private synchronized void split(float[] x, float[] out, int rows, int cols, int parts) {
        this.x = x;
        this.out = out;
        this.rows = rows;
        this.cols = cols;
        this.parts = parts;
        try {
            pool.run(this, parts);
        } finally {
            this.x = null;
            this.out = null;
        }
    }

    @Override
    public void run(int part, int thread) {
        int c0 = Slices.start(cols, L, parts, part);
        int c1 = Slices.start(cols, L, parts, part + 1);
        Reductions.sumRows(x, out, rows, cols, c0, c1);
    }
}
