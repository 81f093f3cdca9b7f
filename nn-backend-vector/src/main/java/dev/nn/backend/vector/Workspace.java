package dev.nn.backend.vector;

import static dev.nn.backend.vector.GemmShape.KC;
import static dev.nn.backend.vector.GemmShape.MC;
import static dev.nn.backend.vector.GemmShape.MR;
import static dev.nn.backend.vector.GemmShape.NC;
import static dev.nn.backend.vector.GemmShape.NR;
import static dev.nn.backend.vector.Lanes.L;

/** One thread's packing buffers, made once and reused by every GEMM. */
final class Workspace {

    final float[] a = new float[MC * KC];
    final float[] b = new float[NC * KC];
    final float[] tile = new float[MR * NR];
    private final int[] offsetsB = new int[L];

    /** Gather offsets {0, k, 2k, ...} for walking across the rows of a stored n×k B. */
    int[] strideB(int k) {
        return strided(offsetsB, k);
    }

    private static int[] strided(int[] offsets, int stride) {
        if (offsets[1] != stride) {
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = i * stride;
            }
        }
        return offsets;
    }
}
