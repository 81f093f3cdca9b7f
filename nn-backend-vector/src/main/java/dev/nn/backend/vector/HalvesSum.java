package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import jdk.incubator.vector.FloatVector;

/**
 * The last pass of a GEMM whose depth halves ran as parts of their own: C = second half + C,
 * then the epilogue, each thread taking a slice of rows while they are in cache.
 */
final class HalvesSum implements WorkerPool.Parts {

    private final WorkerPool pool;

    private float[] c;
    private float[] second;
    private int m;
    private int n;
    private TileEpilogue epilogue;
    private int parts;

    HalvesSum(WorkerPool pool) {
        this.pool = pool;
    }

    /** Called only from within Gemm's synchronized multiply, so one sum runs at a time. */
    void add(float[] c, float[] second, int m, int n, TileEpilogue epilogue) {
        this.c = c;
        this.second = second;
        this.m = m;
        this.n = n;
        this.epilogue = epilogue;
        this.parts = Slices.parts(pool.size(), (long) m * n, m, 1);
        try {
            pool.run(this, parts);
        } finally {
            this.c = null;
            this.second = null;
            this.epilogue = null;
        }
    }

    @Override
    public void run(int part, int thread) {
        int r0 = Slices.start(m, 1, parts, part);
        int r1 = Slices.start(m, 1, parts, part + 1);
        int end = r1 * n;
        int i = r0 * n;
        for (; i + L <= end; i += L) {
            FloatVector.fromArray(F, second, i).add(FloatVector.fromArray(F, c, i)).intoArray(c, i);
        }
        for (; i < end; i++) {
            c[i] = second[i] + c[i];
        }
        if (epilogue != null) {
            epilogue.apply(c, n, r0, 0, r1 - r0, n);
        }
    }
}
