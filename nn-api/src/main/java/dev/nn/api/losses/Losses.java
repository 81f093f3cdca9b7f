package dev.nn.api.losses;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import java.util.Locale;
import java.util.Map;

/** The built-in losses, by factory method or by Keras name. */
public final class Losses {

    /** Probabilities are kept in [eps, 1 − eps] before a log, as Keras's backend epsilon. */
    static final float EPSILON = 1e-7f;

    private Losses() {
    }

    public static Loss meanSquaredError() {
        return new Loss("mean_squared_error") {
            @Override
            public Tensor perExample(Tensor yTrue, Tensor yPred) {
                Tensor t = alignTargets(name(), yTrue, yPred);
                return meanLastAxis(Ops.square(Ops.sub(yPred, t)));
            }
        };
    }

    public static Loss meanAbsoluteError() {
        return new Loss("mean_absolute_error") {
            @Override
            public Tensor perExample(Tensor yTrue, Tensor yPred) {
                Tensor t = alignTargets(name(), yTrue, yPred);
                return meanLastAxis(Ops.abs(Ops.sub(yPred, t)));
            }
        };
    }

    /** Huber loss with Keras's default delta of 1. */
    public static Loss huber() {
        return huber(1f);
    }

    public static Loss huber(float delta) {
        return new Loss("huber") {
            @Override
            public Map<String, Object> config() {
                return Map.of("delta", delta);
            }

            @Override
            public Tensor perExample(Tensor yTrue, Tensor yPred) {
                Tensor t = alignTargets(name(), yTrue, yPred);
                return meanLastAxis(Ops.huber(Ops.sub(yPred, t), delta));
            }
        };
    }

    public static Loss binaryCrossentropy() {
        return binaryCrossentropy(false);
    }

    /**
     * Binary cross-entropy. When the predictions are logits, or came from a sigmoid (whose logits
     * nn remembers), it is computed from logits in one stable op.
     */
    public static Loss binaryCrossentropy(boolean fromLogits) {
        return new Loss("binary_crossentropy") {
            @Override
            public Map<String, Object> config() {
                return Map.of("from_logits", fromLogits);
            }

            @Override
            public Tensor perExample(Tensor yTrue, Tensor yPred) {
                Tensor t = alignTargets(name(), yTrue, yPred);
                Tensor logits = fromLogits ? yPred : Ops.logitsOf(yPred);
                if (logits != null) {
                    return meanLastAxis(Ops.sigmoidCrossEntropy(logits, t));
                }
                Tensor p = Ops.clip(yPred, EPSILON, 1f - EPSILON);
                Tensor pos = Ops.mul(t, Ops.log(p));
                Tensor neg = Ops.mul(Ops.add(Ops.neg(t), 1f), Ops.log(Ops.add(Ops.neg(p), 1f)));
                return meanLastAxis(Ops.neg(Ops.add(pos, neg)));
            }
        };
    }

    public static Loss categoricalCrossentropy() {
        return categoricalCrossentropy(false);
    }

    /** Cross-entropy against one-hot (or probability) targets. */
    public static Loss categoricalCrossentropy(boolean fromLogits) {
        return new Loss("categorical_crossentropy") {
            @Override
            public Map<String, Object> config() {
                return Map.of("from_logits", fromLogits);
            }

            @Override
            public Tensor perExample(Tensor yTrue, Tensor yPred) {
                return crossEntropy(yTrue, yPred, fromLogits, false);
            }
        };
    }

    public static Loss sparseCategoricalCrossentropy() {
        return sparseCategoricalCrossentropy(false);
    }

    /** Cross-entropy against class indices. */
    public static Loss sparseCategoricalCrossentropy(boolean fromLogits) {
        return new Loss("sparse_categorical_crossentropy") {
            @Override
            public Map<String, Object> config() {
                return Map.of("from_logits", fromLogits);
            }

            @Override
            public Tensor perExample(Tensor yTrue, Tensor yPred) {
                return crossEntropy(yTrue, yPred, fromLogits, true);
            }
        };
    }

    private static Tensor crossEntropy(Tensor yTrue, Tensor yPred, boolean fromLogits, boolean sparse) {
        Tensor logits = fromLogits ? yPred : Ops.logitsOf(yPred);
        if (logits != null) {
            return Ops.softmaxCrossEntropy(logits, yTrue, sparse);
        }
        Tensor targets = sparse ? oneHot(yTrue, yPred.dim(-1)) : yTrue;
        Tensor logP = Ops.log(Ops.clip(yPred, EPSILON, 1f - EPSILON));
        return Ops.neg(Ops.sum(Ops.mul(targets, logP), -1, false));
    }

    private static Tensor oneHot(Tensor labels, int classes) {
        float[] l = labels.buffer();
        float[] out = new float[l.length * classes];
        for (int i = 0; i < l.length; i++) {
            int c = (int) l[i];
            if (c < 0 || c >= classes || c != l[i]) {
                throw new IllegalArgumentException("label " + l[i] + " at row " + i + " is not a class index in [0, " + classes + ")");
            }
            out[i * classes + c] = 1f;
        }
        return Tensor.wrap(out, l.length, classes);
    }

    /**
     * The perceptron loss on a score z with labels y of 0 or 1: {@code (step(z) − y) · z}, zero when
     * the unit's Heaviside output step(z) is right and |z| when it is wrong. Its gradient
     * {@code (step(z) − y)} makes one SGD step the perceptron rule {@code w ← w + η (y − ŷ) x}.
     */
    public static Loss perceptron() {
        return new Loss("perceptron") {
            @Override
            public Tensor perExample(Tensor yTrue, Tensor yPred) {
                Tensor t = alignTargets(name(), yTrue, yPred);
                return meanLastAxis(Ops.mul(Ops.sub(Ops.heaviside(yPred), t), yPred));
            }
        };
    }

    /** A loss by its Keras name or alias ("mse", "mae", "huber", "binary_crossentropy", ...). */
    public static Loss get(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mse", "mean_squared_error" -> meanSquaredError();
            case "mae", "mean_absolute_error" -> meanAbsoluteError();
            case "huber", "huber_loss" -> huber();
            case "binary_crossentropy", "bce" -> binaryCrossentropy();
            case "categorical_crossentropy" -> categoricalCrossentropy();
            case "sparse_categorical_crossentropy" -> sparseCategoricalCrossentropy();
            case "perceptron" -> perceptron();
            default -> throw new IllegalArgumentException("unknown loss '" + name + "'; known: mse, mae, huber, "
                    + "binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy");
        };
    }
}
