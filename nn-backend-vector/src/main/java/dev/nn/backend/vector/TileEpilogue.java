package dev.nn.backend.vector;

/** Work done on a finished block of C while it is still in cache (bias and activation of dense). */
interface TileEpilogue {

    /** Rows [i0, i0+rows) × columns [j0, j0+cols) of c, whose rows are ldc long, are final. */
    void apply(float[] c, int ldc, int i0, int j0, int rows, int cols);
}
