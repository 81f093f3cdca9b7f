package dev.nn.backend.vector;

/**
 * The rows of a shuffled batch, copied by both threads when big enough. The copy waits on memory
 * (rows scattered over a data set larger than the caches), so two cores fetch nearly twice as fast.
 */
final class ParallelGather implements WorkerPool.Parts {

    /**
     * A float counts as one unit of {@link Slices#SERIAL_WORK}, though copying it from memory costs
     * more: a batch of 32 rows of 784 then stays on the caller. Split, it waited for a worker that,
     * with nothing else parallel at batch 32, had parked and was slow to wake (batch 32 on 2 threads:
     * 72-76k against 79-81k samples/s). A batch of 256 rows splits.
     */
    static final int WORK_PER_FLOAT = 1;

    private final WorkerPool pool;

    private float[] src;
    private int rowSize;
    private int[] index;
    private int from;
    private int to;
    private float[] out;
    private int parts;

    ParallelGather(WorkerPool pool) {
        this.pool = pool;
    }

    void gatherRows(float[] src, int rowSize, int[] index, int from, int to, float[] out) {
        int rows = to - from;
        int parts = Slices.parts(pool.size(), (long) rows * rowSize * WORK_PER_FLOAT, rows, 1);
        if (parts == 1) {
            copy(src, rowSize, index, from, to, out, from);
        } else {
            split(src, rowSize, index, from, to, out, parts);
        }
    }

    private synchronized void split(float[] src, int rowSize, int[] index, int from, int to, float[] out, int parts) {
        this.src = src;
        this.rowSize = rowSize;
        this.index = index;
        this.from = from;
        this.to = to;
        this.out = out;
        this.parts = parts;
        try {
            pool.run(this, parts);
        } finally {
            this.src = null;
            this.index = null;
            this.out = null;
        }
    }

    @Override
    public void run(int part, int thread) {
        int rows = to - from;
        copy(src, rowSize, index, from + Slices.start(rows, 1, parts, part), from + Slices.start(rows, 1, parts, part + 1),
                out, from);
    }

    /**
     * Rows index[i0..i1) to out, where index[base] lands in out's row 0. A row of one float (a
     * batch's labels) is copied without a call per row: 256 labels took 12-15 µs with arraycopy.
     */
    private static void copy(float[] src, int rowSize, int[] index, int i0, int i1, float[] out, int base) {
        if (rowSize == 1) {
            for (int i = i0; i < i1; i++) {
                out[i - base] = src[index[i]];
            }
            return;
        }
        for (int i = i0; i < i1; i++) {
            System.arraycopy(src, index[i] * rowSize, out, (i - base) * rowSize, rowSize);
        }
    }
}
