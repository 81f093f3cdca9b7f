package dev.nn.api.optimizers;

import dev.nn.api.backend.Backend;

/** Stochastic gradient descent, with optional momentum and Nesterov momentum. Keras's default rate is 0.01. */
public final class SGD extends Optimizer {

    private final float momentum;
    private final boolean nesterov;

    public SGD() {
        this(0.01);
    }

    public SGD(double learningRate) {
        this(learningRate, 0, false);
    }

    public SGD(double learningRate, double momentum, boolean nesterov) {
        super(learningRate);
        this.momentum = checkMomentum(momentum);
        this.nesterov = nesterov;
    }

    public SGD(LearningRateSchedule schedule, double momentum, boolean nesterov) {
        super(schedule);
        this.momentum = checkMomentum(momentum);
        this.nesterov = nesterov;
    }

    private static float checkMomentum(double m) {
        if (!(m >= 0 && m < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + m);
        }
        return (float) m;
    }

    public float momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    @Override
    public String name() {
        return "sgd";
    }

    /** Without momentum the step is w −= lr·g, which a backward rule can fold into its GEMM. */
    @Override
    public float inPlaceScale() {
        return momentum == 0f ? -(float) learningRate() : Float.NaN;
    }

    @Override
    protected int slotCount() {
        return momentum == 0f ? 0 : 1;
    }

    @Override
    protected void update(Backend backend, float[] w, float[] g, float[][] slots, float lr, long step) {
        backend.sgdUpdate(w, g, slots.length == 0 ? null : slots[0], w.length, lr, momentum, nesterov);
    }
}
