package dev.nn.api.optimizers;

import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.backend.Backend;
import dev.nn.api.backend.Backends;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates variables from their gradients. Per-variable state (momentum, moments) lives in slots
 * made on the first update. The learning rate is a number or a schedule, readable and settable
 * during training, as {@code optimizer.learning_rate} in Keras.
 */
public abstract class Optimizer {

    private LearningRateSchedule schedule;
    private double constantRate;
    private long iterations;
    private final Map<Variable, float[][]> slots = new IdentityHashMap<>();

    protected Optimizer(double learningRate) {
        setLearningRate(learningRate);
    }

    protected Optimizer(LearningRateSchedule schedule) {
        this.schedule = schedule;
    }

    /** The Keras name, such as "adam". */
    public abstract String name();

    /** Number of slot arrays each variable needs (1 for momentum, 2 for Adam's moments). */
    protected abstract int slotCount();

    /** Updates one variable in place; {@code step} counts from 1. */
    protected abstract void update(Backend backend, float[] w, float[] g, float[][] slots, float lr, long step);

    /**
     * The scale s when this step is {@code w += s · g} for every variable whatever its history
     * (plain SGD: −learning rate), so a backward rule may add the gradient in as it computes it;
     * NaN otherwise. See {@link dev.nn.api.GradientTape#gradientOrStep}.
     */
    public float inPlaceScale() {
        return Float.NaN;
    }

    /**
     * Applies one step to every variable. A null gradient means the variable already took this
     * step in place ({@link dev.nn.api.GradientTape#gradientOrStep}).
     */
    public void apply(List<Tensor> gradients, List<Variable> variables) {
        if (gradients.size() != variables.size()) {
            throw new IllegalArgumentException(name() + ": " + gradients.size() + " gradients for " + variables.size() + " variables");
        }
        Backend backend = Backends.current();
        if (!backend.supportsTraining()) {
            throw new IllegalStateException("backend '" + backend.name() + "' is for inference only; train on 'vector' or 'reference'");
        }
        float lr = (float) learningRate();
        iterations++;
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            Tensor g = gradients.get(i);
            if (g == null) {
                continue;
            }
            if (g.size() != v.size()) {
                throw new IllegalArgumentException(name() + ": gradient of shape " + Shapes.str(g.shape())
                        + " for variable '" + v.name() + "' of shape " + Shapes.str(v.shape()));
            }
            float[][] s = slots.computeIfAbsent(v, k -> newSlots(k.size()));
            update(backend, v.buffer(), g.buffer(), s, lr, iterations);
        }
    }

    /** Fresh slot arrays for a variable of n values; Adagrad overrides to start above zero. */
    protected float[][] newSlots(int n) {
        float[][] s = new float[slotCount()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new float[n];
        }
        return s;
    }

    /** The learning rate the next step will use. */
    public double learningRate() {
        return schedule != null ? schedule.rateAt(iterations) : constantRate;
    }

    /** Sets a constant learning rate, replacing any schedule. */
    public void setLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + rate);
        }
        this.schedule = null;
        this.constantRate = rate;
    }

    /** Steps taken so far. */
    public long iterations() {
        return iterations;
    }

    /** The slot arrays of a variable (empty before its first update), for saving and tests. */
    public float[][] slotsOf(Variable v) {
        float[][] s = slots.get(v);
        return s == null ? new float[0][] : s;
    }

    /** Restores saved state: the step count and each variable's slots. */
    public void restoreState(long iterations, Map<Variable, float[][]> state) {
        this.iterations = iterations;
        slots.clear();
        state.forEach((v, s) -> slots.put(v, s));
    }

    @Override
    public String toString() {
        return name() + "(learning_rate=" + learningRate() + ")";
    }
}
