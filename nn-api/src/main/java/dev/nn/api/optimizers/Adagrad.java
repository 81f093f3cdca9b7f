package dev.nn.api.optimizers;

import dev.nn.api.backend.Backend;
import java.util.Arrays;

/** Adagrad with Keras's defaults: rate 0.001, accumulators starting at 0.1, ε 1e-7. */
public final class Adagrad extends Optimizer {

    private final float initialAccumulator;
    private final float epsilon;

    public Adagrad() {
        this(0.001);
    }

    public Adagrad(double learningRate) {
        this(learningRate, 0.1, 1e-7);
    }

    public Adagrad(double learningRate, double initialAccumulator, double epsilon) {
        super(learningRate);
        this.initialAccumulator = (float) initialAccumulator;
        this.epsilon = (float) epsilon;
    }

    @Override
    public String name() {
        return "adagrad";
    }

    public float initialAccumulator() {
        return initialAccumulator;
    }

    public float epsilon() {
        return epsilon;
    }

    @Override
    protected int slotCount() {
        return 1;
    }

    @Override
    protected float[][] newSlots(int n) {
        float[][] s = super.newSlots(n);
        Arrays.fill(s[0], initialAccumulator);
        return s;
    }

    @Override
    protected void update(Backend backend, float[] w, float[] g, float[][] slots, float lr, long step) {
        backend.adagradUpdate(w, g, slots[0], w.length, lr, epsilon);
    }
}
