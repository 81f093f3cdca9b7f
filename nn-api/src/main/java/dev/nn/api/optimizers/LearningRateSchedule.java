package dev.nn.api.optimizers;

/** A learning rate that depends on the optimizer's step count (0 for the first step). */
@FunctionalInterface
public interface LearningRateSchedule {

    double rateAt(long step);

    static LearningRateSchedule constant(double rate) {
        return step -> rate;
    }

    /**
     * Keras's ExponentialDecay: {@code initial · rate^(step / decaySteps)}, stepwise when
     * {@code staircase}.
     */
    static LearningRateSchedule exponentialDecay(double initial, long decaySteps, double decayRate, boolean staircase) {
        return step -> {
            double p = (double) step / decaySteps;
            return initial * Math.pow(decayRate, staircase ? Math.floor(p) : p);
        };
    }

    /** Piecewise constant: {@code values[i]} until step {@code boundaries[i]}, then the next. */
    static LearningRateSchedule piecewiseConstant(long[] boundaries, double[] values) {
        if (values.length != boundaries.length + 1) {
            throw new IllegalArgumentException("piecewiseConstant needs one more value than boundaries");
        }
        long[] b = boundaries.clone();
        double[] v = values.clone();
        return step -> {
            for (int i = 0; i < b.length; i++) {
                if (step <= b[i]) {
                    return v[i];
                }
            }
            return v[v.length - 1];
        };
    }
}
