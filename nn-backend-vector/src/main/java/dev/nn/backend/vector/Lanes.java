package dev.nn.backend.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one float species every kernel uses. It lives in a static final field because the JIT
 * only turns Vector API calls into single instructions when the species is a constant.
 */
final class Lanes {

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int L = F.length();

    // Butterfly partners (lane i with lane i ^ h), each a constant so rearrange compiles to one shuffle.
    private static final VectorShuffle<Float> X32 = partners(32);
    private static final VectorShuffle<Float> X16 = partners(16);
    private static final VectorShuffle<Float> X8 = partners(8);
    private static final VectorShuffle<Float> X4 = partners(4);
    private static final VectorShuffle<Float> X2 = partners(2);
    private static final VectorShuffle<Float> X1 = partners(1);

    private Lanes() {
    }

    /**
     * The sum of the lanes, always added in the same tree. {@code reduceLanes(ADD)} leaves the
     * order open, and the JIT's order differs from the interpreter's, so a run's numbers depended
     * on when each kernel got compiled.
     */
    static float sum(FloatVector v) {
        // L is a constant: the JIT keeps only the steps this species needs (64 lanes at most)
        if (L >= 64) {
            v = v.add(v.rearrange(X32));
        }
        if (L >= 32) {
            v = v.add(v.rearrange(X16));
        }
        if (L >= 16) {
            v = v.add(v.rearrange(X8));
        }
        if (L >= 8) {
            v = v.add(v.rearrange(X4));
        }
        if (L >= 4) {
            v = v.add(v.rearrange(X2));
        }
        if (L >= 2) {
            v = v.add(v.rearrange(X1));
        }
        return v.lane(0);
    }

    private static VectorShuffle<Float> partners(int h) {
        return VectorShuffle.fromOp(F, i -> h < L ? i ^ h : i);
    }
}
