package dev.nn.backend.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one float species every kernel uses. It lives in a static final field because the JIT
 * only turns Vector API calls into single instructions when the species is a constant.
 */
final class Lanes {

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int L = F.length();

    private Lanes() {
    }
}
