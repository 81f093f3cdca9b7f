package dev.nn.tuner;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.Callback;
import java.util.List;
import java.util.Map;

/** Keeps a copy of the weights at the epoch where the objective was best, as a trial's checkpoint. */
final class BestEpochWeights extends Callback {

    private final Objective objective;
    private double best = Double.NaN;
    private List<Tensor> weights;

    BestEpochWeights(Objective objective) {
        this.objective = objective;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Double v = logs.get(objective.name());
        if (v != null && objective.better(v, best)) {
            best = v;
            weights = model().getWeights();
        }
    }

    /** The weights at the best epoch, or null when the objective was never logged through this callback. */
    List<Tensor> weights() {
        return weights;
    }
}
