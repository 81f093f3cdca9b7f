package dev.nn.api.optimizers;

import dev.nn.api.backend.Backend;

/** RMSprop with Keras's defaults: rate 0.001, ρ 0.9, ε 1e-7. */
public final class RMSprop extends Optimizer {

    private final float rho;
    private final float epsilon;

    public RMSprop() {
        this(0.001);
    }

    public RMSprop(double learningRate) {
        this(learningRate, 0.9, 1e-7);
    }

    public RMSprop(double learningRate, double rho, double epsilon) {
        super(learningRate);
        this.rho = (float) rho;
        this.epsilon = (float) epsilon;
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    public float rho() {
        return rho;
    }

    public float epsilon() {
        return epsilon;
    }

    @Override
    protected int slotCount() {
        return 1;
    }

    @Override
    protected void update(Backend backend, float[] w, float[] g, float[][] slots, float lr, long step) {
        backend.rmspropUpdate(w, g, slots[0], w.length, lr, rho, epsilon);
    }
}
