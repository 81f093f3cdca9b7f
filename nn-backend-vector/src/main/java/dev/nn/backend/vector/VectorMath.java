package dev.nn.backend.vector;

import static dev.nn.backend.vector.Lanes.F;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * exp, expm1 and tanh from float multiplies and adds only. The Vector API's own EXP and TANH give
 * different last bits before and after the JIT compiles a kernel (a Java fallback, then a native
 * math library), which would break "same seed, same numbers"; basic IEEE arithmetic is the same in
 * both. Accuracy is within about 2 ulp of the correctly rounded result.
 *
 * <p>Few methods, each called before any arithmetic of its caller: the JIT inlines a kernel's
 * chain (tanh, expm1, exp) while the compiled kernel is still small. It stops inlining our methods
 * past a node count, and a call it did not inline passes its vectors as objects: a training step's
 * tanh then allocated 57 KB (AllocationTest failed about one run in three when exp's polynomial
 * was a method of its own, the last one reached). The Vector API's own methods are always inlined.
 */
final class VectorMath {

    private static final float LOG2E = 1.44269504f;
    private static final float LN2_HI = 0.693145752f;   // ln 2 split so n·LN2_HI is exact
    private static final float LN2_LO = 1.42860677e-6f;
    private static final float ROUNDER = 12582912f;     // 1.5·2^23: adding it rounds to an integer
    private static final float MAX_ARG = 88.3762589f;   // above: the result overflows
    private static final float MIN_ARG = -87.3365479f;  // below: the result is under the smallest normal

    private VectorMath() {
    }

    /** e^x, with +∞ above ln(Float.MAX_VALUE) and 0 where the result would be subnormal. */
    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(MIN_ARG).min(MAX_ARG);
        FloatVector n = c.mul(LOG2E).add(ROUNDER).sub(ROUNDER);
        FloatVector r = c.sub(n.mul(LN2_HI)).sub(n.mul(LN2_LO));
        // e^r for |r| ≤ ln2/2: Taylor terms to r^7 (the next is below 2^-24 of the result)
        FloatVector p = r.mul(1f / 5040f).add(1f / 720f);
        p = p.mul(r).add(1f / 120f);
        p = p.mul(r).add(1f / 24f);
        p = p.mul(r).add(1f / 6f);
        p = p.mul(r).add(0.5f);
        p = p.mul(r).add(1f);
        p = p.mul(r).add(1f);
        FloatVector scale = n.convert(VectorOperators.F2I, 0).reinterpretAsInts()
                .add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector y = p.mul(scale);
        VectorMask<Float> over = x.compare(VectorOperators.GT, MAX_ARG);
        VectorMask<Float> under = x.compare(VectorOperators.LT, MIN_ARG);
        return y.blend(Float.POSITIVE_INFINITY, over).blend(0f, under).blend(x, x.test(VectorOperators.IS_NAN));
    }

    /** e^x − 1, accurate near 0 (a series there) where exp(x) − 1 would cancel. */
    static FloatVector expm1(FloatVector x) {
        FloatVector far = exp(x).sub(1f);
        FloatVector series = x.mul(1f / 40320f).add(1f / 5040f);
        series = series.mul(x).add(1f / 720f);
        series = series.mul(x).add(1f / 120f);
        series = series.mul(x).add(1f / 24f);
        series = series.mul(x).add(1f / 6f);
        series = series.mul(x).add(0.5f);
        series = series.mul(x).add(1f).mul(x);
        return far.blend(series, x.abs().compare(VectorOperators.LT, 0.5f));
    }

    /** tanh(x) = expm1(2x) / (expm1(2x) + 2), on |x| with the sign put back; ±1 beyond |x| = 9. */
    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs().min(9f);
        FloatVector e = expm1(a.mul(2f));
        FloatVector t = e.div(e.add(2f));
        return t.blend(t.neg(), x.compare(VectorOperators.LT, 0f)).blend(x, x.test(VectorOperators.IS_NAN));
    }
}
