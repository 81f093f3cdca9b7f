package dev.nn.tuner;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.models.FitOptions.FitOption;
import dev.nn.api.models.Model;

/**
 * Builds a compiled model from hyperparameters and, optionally, decides how a trial trains it.
 * A plain lambda {@code hp -> model} is a HyperModel; override {@link #fit} to tune the training
 * too, e.g. to adapt a Normalization layer when {@code hp.Boolean("normalize")}:
 *
 * <pre>{@code
 * class MyHyperModel implements HyperModel {
 *     public Model build(HyperParameters hp) { ... }
 *     public History fit(HyperParameters hp, Model model, Tensor x, Tensor y, FitOption... options) {
 *         if (hp.Boolean("normalize")) {
 *             ((Normalization) model.getLayer("normalization")).adapt(x);
 *         }
 *         return model.fit(x, y, options);
 *     }
 * }
 * }</pre>
 *
 * <p>A search seeds each model right after {@code build} ({@code model.seed(...)}), which draws
 * its initial weights again; so set weights or adapt layers in {@code fit}, not in {@code build}.
 */
@FunctionalInterface
public interface HyperModel {

    /** A compiled model for these hyperparameters. */
    Model build(HyperParameters hp);

    /**
     * Trains one trial's model. The options are the caller's followed by the tuner's (its
     * callbacks, and the epochs of a Hyperband round), so pass them all on to {@code fit}.
     * The returned History must log the objective.
     */
    default History fit(HyperParameters hp, Model model, Tensor x, Tensor y, FitOption... options) {
        return model.fit(x, y, options);
    }
}
