package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.L;

/** Register tile and cache block sizes of the packed GEMM, in elements. */
final class GemmShape {

    /** Rows of C per micro-tile: one broadcast of A each per k step. */
    static final int MR = 8;
    /** Columns of C per micro-tile: two vectors, so MR·2 accumulators hide the FMA latency. */
    static final int NR = 2 * L;
    /** Depth of a packed block: a KC×NR sliver of B (32 KB at KC = 256, L = 16) stays in L1. */
    static final int KC = 256;
    /** Rows of A packed at once: the MC×KC block (192 KB) stays in L2 while B slivers pass. */
    static final int MC = 24 * MR;
    /** Columns of B packed at once: the KC×NC panel (1 MB) fits in L2 next to the A block. */
    static final int NC = 32 * NR;

    private GemmShape() {
    }
}
