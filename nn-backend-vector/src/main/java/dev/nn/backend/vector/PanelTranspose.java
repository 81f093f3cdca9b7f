package dev.nn.backend.vector;

import static dev.nn.backend.vector.GemmShape.MR;
import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Turns 8 rows × 16 steps of a row-major A into 16 packed panel steps of 8 rows, where a vector
 * holds 16 floats (L = 2·MR): three rounds of two-vector lane selections, interleaving single
 * lanes, then pairs, then quads of rows, 24 selections for 128 floats. Packing the batch-256
 * input (256 × 784) took 28 µs so, against 49 µs with a gather of 2 steps a vector. The lanes
 * move as ints: selecting float lanes by float indexes ran at 36 µs.
 *
 * <p>{@link #sliver} does the same for 16 rows of a stored n×k B (op(B) = Bᵀ), then a fourth
 * round, interleaving eights, so that each vector is one step of 16 columns of a B sliver.
 */
final class PanelTranspose {

    static final boolean AVAILABLE = L == 2 * MR && MR == 8;
    /** Steps of the panel one call packs. */
    static final int STEPS = L;

    private static final VectorSpecies<Integer> I = F.withLanes(int.class).check(int.class);
    private static final IntVector LANES_LO = AVAILABLE ? interleave(1, 0) : null;
    private static final IntVector LANES_HI = AVAILABLE ? interleave(1, MR) : null;
    private static final IntVector PAIRS_LO = AVAILABLE ? interleave(2, 0) : null;
    private static final IntVector PAIRS_HI = AVAILABLE ? interleave(2, MR) : null;
    private static final IntVector QUADS_LO = AVAILABLE ? interleave(4, 0) : null;
    private static final IntVector QUADS_HI = AVAILABLE ? interleave(4, MR) : null;
    private static final IntVector EIGHTS_LO = AVAILABLE ? interleave(8, 0) : null;
    private static final IntVector EIGHTS_HI = AVAILABLE ? interleave(8, MR) : null;

    private PanelTranspose() {
    }

    /**
     * Selection indexes taking units of {@code unit} lanes alternately from the first vector
     * (indexes below L) and the second, starting at lane {@code from} of each.
     */
    private static IntVector interleave(int unit, int from) {
        int[] idx = new int[L];
        for (int j = 0; j < L; j++) {
            int pair = j / (2 * unit);
            int second = (j / unit) % 2;
            idx[j] = second * L + from + pair * unit + j % unit;
        }
        return IntVector.fromArray(I, idx, 0);
    }

    /** Rows at src, src + k, ..., src + 7k, steps [0, 16) of each, to dst[d ..] as 16 steps × 8 rows. */
    static void pack(float[] a, int src, int k, float[] dst, int d) {
        IntVector r0 = row(a, src);
        IntVector r1 = row(a, src + k);
        IntVector r2 = row(a, src + 2 * k);
        IntVector r3 = row(a, src + 3 * k);
        IntVector r4 = row(a, src + 4 * k);
        IntVector r5 = row(a, src + 5 * k);
        IntVector r6 = row(a, src + 6 * k);
        IntVector r7 = row(a, src + 7 * k);
        // round 1: rows 2i and 2i+1 lane by lane
        IntVector a01l = LANES_LO.selectFrom(r0, r1);
        IntVector a01h = LANES_HI.selectFrom(r0, r1);
        IntVector a23l = LANES_LO.selectFrom(r2, r3);
        IntVector a23h = LANES_HI.selectFrom(r2, r3);
        IntVector a45l = LANES_LO.selectFrom(r4, r5);
        IntVector a45h = LANES_HI.selectFrom(r4, r5);
        IntVector a67l = LANES_LO.selectFrom(r6, r7);
        IntVector a67h = LANES_HI.selectFrom(r6, r7);
        // round 2: pairs of rows, two by two
        IntVector b0l = PAIRS_LO.selectFrom(a01l, a23l);
        IntVector b0h = PAIRS_HI.selectFrom(a01l, a23l);
        IntVector b1l = PAIRS_LO.selectFrom(a01h, a23h);
        IntVector b1h = PAIRS_HI.selectFrom(a01h, a23h);
        IntVector b2l = PAIRS_LO.selectFrom(a45l, a67l);
        IntVector b2h = PAIRS_HI.selectFrom(a45l, a67l);
        IntVector b3l = PAIRS_LO.selectFrom(a45h, a67h);
        IntVector b3h = PAIRS_HI.selectFrom(a45h, a67h);
        // round 3: quads of rows; each result is two steps of all 8 rows
        QUADS_LO.selectFrom(b0l, b2l).reinterpretAsFloats().intoArray(dst, d);
        QUADS_HI.selectFrom(b0l, b2l).reinterpretAsFloats().intoArray(dst, d + L);
        QUADS_LO.selectFrom(b0h, b2h).reinterpretAsFloats().intoArray(dst, d + 2 * L);
        QUADS_HI.selectFrom(b0h, b2h).reinterpretAsFloats().intoArray(dst, d + 3 * L);
        QUADS_LO.selectFrom(b1l, b3l).reinterpretAsFloats().intoArray(dst, d + 4 * L);
        QUADS_HI.selectFrom(b1l, b3l).reinterpretAsFloats().intoArray(dst, d + 5 * L);
        QUADS_LO.selectFrom(b1h, b3h).reinterpretAsFloats().intoArray(dst, d + 6 * L);
        QUADS_HI.selectFrom(b1h, b3h).reinterpretAsFloats().intoArray(dst, d + 7 * L);
    }

    private static IntVector row(float[] a, int offset) {
        return FloatVector.fromArray(F, a, offset).reinterpretAsInts();
    }

    /**
     * Rows at src, src + k, ..., src + 15k, steps [0, 16) of each, to dst[d + s·ld ..] as 16
     * steps s of 16 values, one from each row. Rows 0-7 and rows 8-15 are each packed as a panel
     * into {@code scratch} (256 floats), two steps of 8 rows a vector; a fourth round joins the
     * two groups' halves. (Written as one method the 64 selections went past the JIT's inlining
     * budget and ran at half the speed of the gathers they replace.) Where gathers are slow
     * (Zen 4: 16 lanes from 16 rows cost 6 times as much per float as a plain copy), this is the
     * fast way to transpose B.
     */
    static void sliver(float[] b, int src, int k, float[] dst, int d, int ld, float[] scratch) {
        pack(b, src, k, scratch, 0);
        pack(b, src + MR * k, k, scratch, MR * STEPS);
        for (int s = 0; s < STEPS; s += 2) {
            IntVector lo = FloatVector.fromArray(F, scratch, s * MR).reinterpretAsInts();
            IntVector hi = FloatVector.fromArray(F, scratch, MR * STEPS + s * MR).reinterpretAsInts();
            EIGHTS_LO.selectFrom(lo, hi).reinterpretAsFloats().intoArray(dst, d + s * ld);
            EIGHTS_HI.selectFrom(lo, hi).reinterpretAsFloats().intoArray(dst, d + (s + 1) * ld);
        }
    }
}
