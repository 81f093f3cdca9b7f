package dev.nn.api.losses;

import dev.nn.api.Ops;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import java.util.Map;

/**
 * A loss: a value per example, then Keras's "sum over batch size" reduction
 * {@code Σ wᵢ·lossᵢ / n}, with sample weights wᵢ (1 when absent).
 */
public abstract class Loss {

    private final String name;

    protected Loss(String name) {
        this.name = name;
    }

    /** The Keras name, such as "mean_squared_error". */
    public String name() {
        return name;
    }

    /** The parameters that, with the name, rebuild it (such as "from_logits"); empty when it has none. */
    public Map<String, Object> config() {
        return Map.of();
    }

    /** The loss of each example, shape (batch). */
    public abstract Tensor perExample(Tensor yTrue, Tensor yPred);

    /** The batch loss, a scalar. */
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return Ops.mean(perExample(yTrue, yPred));
    }

    /** The batch loss with per-example weights (null for none). */
    public Tensor call(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
        if (sampleWeight == null) {
            return call(yTrue, yPred);
        }
        Tensor l = perExample(yTrue, yPred);
        if (sampleWeight.size() != l.size()) {
            throw new IllegalArgumentException(name + ": " + sampleWeight.size() + " sample weights for a batch of " + l.size());
        }
        return Ops.mul(Ops.sum(Ops.mul(l, sampleWeight.reshape(l.shape()))), 1f / Math.max(1, l.size()));
    }

    /** Targets shaped like the predictions when they hold the same number of values: (n) to (n, 1). */
    static Tensor alignTargets(String loss, Tensor yTrue, Tensor yPred) {
        if (java.util.Arrays.equals(yTrue.shape(), yPred.shape())) {
            return yTrue;
        }
        if (!yPred.isSymbolic() && yTrue.size() == yPred.size()) {
            return yTrue.reshape(yPred.shape());
        }
        throw new IllegalArgumentException(loss + ": targets of shape " + Shapes.str(yTrue.shape())
                + " do not match predictions of shape " + Shapes.str(yPred.shape()));
    }

    /** Mean over the last axis, so each example gets one value. */
    static Tensor meanLastAxis(Tensor t) {
        return t.rank() <= 1 ? t : Ops.mean(t, -1, false);
    }

    @Override
    public String toString() {
        return name;
    }
}
