package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/** Seeded data and tolerance checks shared by the kernel tests. */
final class Close {

    /** Relative tolerance every kernel must meet against the reference backend. */
    static final double REL = 1e-5;

    private Close() {
    }

    static float[] random(Random rnd, int n, float lo, float hi) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * rnd.nextFloat();
        }
        return x;
    }

    /** |got − want| ≤ REL·scale[i] + tiny for every i, with a message naming the first miss. */
    static void within(String what, float[] want, float[] got, double[] scale) {
        for (int i = 0; i < want.length; i++) {
            double err = Math.abs((double) got[i] - want[i]);
            boolean sameSpecial = Float.compare(got[i], want[i]) == 0;
            if (!sameSpecial && !(err <= REL * scale[i] + Float.MIN_NORMAL)) {
                fail(what + ": element " + i + " is " + got[i] + ", reference " + want[i]
                        + " (error " + err + ", allowed " + REL * scale[i] + ")");
            }
        }
    }

    /** Plain relative check: scale = |want|. */
    static void relative(String what, float[] want, float[] got) {
        double[] scale = new double[want.length];
        for (int i = 0; i < want.length; i++) {
            scale[i] = Math.abs(want[i]);
        }
        within(what, want, got, scale);
    }
}
