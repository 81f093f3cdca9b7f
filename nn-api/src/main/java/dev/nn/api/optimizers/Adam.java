package dev.nn.api.optimizers;

import dev.nn.api.backend.Backend;

/** Adam (Kingma and Ba), with Keras's defaults: rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7. */
public final class Adam extends Optimizer {

    private final float beta1;
    private final float beta2;
    private final float epsilon;

    public Adam() {
        this(0.001);
    }

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-7);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate);
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
    }

    @Override
    public String name() {
        return "adam";
    }

    public float beta1() {
        return beta1;
    }

    public float beta2() {
        return beta2;
    }

    public float epsilon() {
        return epsilon;
    }

    @Override
    protected int slotCount() {
        return 2;
    }

    @Override
    protected void update(Backend backend, float[] w, float[] g, float[][] slots, float lr, long step) {
        // bias correction folded into the step size, as Keras does
        double alpha = lr * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
        backend.adamUpdate(w, g, slots[0], slots[1], w.length, (float) alpha, beta1, beta2, epsilon);
    }
}
