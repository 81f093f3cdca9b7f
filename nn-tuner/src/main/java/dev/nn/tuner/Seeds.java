package dev.nn.tuner;

/** Derives independent seeds from a search seed, so that trial i gets the same seed whatever ran before it or beside it. */
final class Seeds {

    private Seeds() {
    }

    /** SplitMix64's finalizer over a and b: neighbouring inputs give unrelated outputs. */
    static long mix(long a, long b) {
        long z = a + (b + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
