package dev.nn.backend.vector;

import static dev.nn.backend.vector.GemmShape.KC;
import static dev.nn.backend.vector.GemmShape.MC;
import static dev.nn.backend.vector.GemmShape.MR;
import static dev.nn.backend.vector.GemmShape.NC;
import static dev.nn.backend.vector.GemmShape.NR;
import static dev.nn.backend.vector.Lanes.L;

/** One thread's packing buffers, reused by every GEMM; the B panels grow to the largest pass. */
final class Workspace {

    final float[] a = new float[MC * KC];
    final float[] tile = new float[MR * NR];
    /** Two panels of 16 steps, on their way into a B sliver (see {@link PanelTranspose#sliver}). */
    final float[] transposed = new float[2 * MR * L];
    private float[] panels = new float[NC * KC];

    /** Room for packed B panels, grown (once per larger shape) to at least {@code floats}. */
    float[] panels(int floats) {
        if (panels.length < floats) {
            panels = new float[floats];
        }
        return panels;
    }

    /** What Gemm's touch of B leaves, so that its reads are not optimized away. */
    int touched;
    private final int[] offsetsB = new int[L];
    private final int[] panelRows = new int[L];

    /** Gather offsets {0, k, 2k, ...} for walking across the rows of a stored n×k B. */
    int[] strideB(int k) {
        return strided(offsetsB, k);
    }

    /**
     * Gather offsets for {@link Packing#STEPS_PER_VECTOR} steps of an MR-row panel of a stored m×k A:
     * lane j reads row j mod MR at step j / MR.
     */
    int[] panelRows(int k) {
        if (panelRows[1] != k) { // lane 1 reads row 1 at step 0: offset k
            for (int j = 0; j < L; j++) {
                panelRows[j] = (j % MR) * k + j / MR;
            }
        }
        return panelRows;
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
