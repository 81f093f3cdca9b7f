package dev.nn.backend.vector;

import static dev.nn.backend.vector.GemmShape.KC;
import static dev.nn.backend.vector.GemmShape.MC;
import static dev.nn.backend.vector.GemmShape.MR;
import static dev.nn.backend.vector.GemmShape.NC;
import static dev.nn.backend.vector.GemmShape.NR;

/** One thread's packing buffers, made once and reused by every GEMM. */
final class Workspace {

    final float[] a = new float[MC * KC];
    final float[] b = new float[NC * KC];
    final float[] tile = new float[MR * NR];
}
