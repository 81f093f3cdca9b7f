package dev.nn.tuner;

import java.util.Map;

/**
 * One trial of a search, immutable.
 *
 * @param id      "trial_0007", also its directory name
 * @param index   order of creation, from 0
 * @param seed    decides the trial's random values and its models' initial weights
 * @param values  the hyperparameters: the tuner's proposal while running, the model's active values once done
 * @param info    the tuner's bookkeeping, such as Hyperband's "tuner/epochs", "tuner/initial_epoch",
 *                "tuner/trial_id" (the trial whose weights it continues), "tuner/bracket", "tuner/round"
 * @param score   the objective: the mean over executions of each execution's best epoch; NaN unless completed
 * @param metrics every logged quantity at the best epoch of the best execution
 * @param message why the trial failed, or empty
 */
public record Trial(String id, int index, long seed, TrialStatus status, Map<String, Object> values, Map<String, Object> info,
                    double score, Map<String, Double> metrics, String message) {

    public Trial {
        values = Values.frozen(values);
        info = Values.frozen(info);
        metrics = Values.frozen(metrics);
    }

    /** A new trial, about to run. */
    public static Trial running(int index, long seed, Map<String, Object> proposed, Map<String, Object> info) {
        return new Trial(String.format("trial_%04d", index), index, seed, TrialStatus.RUNNING, proposed, info, Double.NaN, Map.of(), "");
    }

    public Trial completed(Map<String, Object> activeValues, double score, Map<String, Double> metrics) {
        return new Trial(id, index, seed, TrialStatus.COMPLETED, activeValues, info, score, metrics, "");
    }

    public Trial failed(String why) {
        return new Trial(id, index, seed, TrialStatus.FAILED, values, info, Double.NaN, Map.of(), why);
    }

    public boolean isCompleted() {
        return status == TrialStatus.COMPLETED;
    }

    /** An integer from {@link #info()}, or the fallback when absent. */
    public int infoInt(String key, int fallback) {
        Object v = info.get(key);
        return v == null ? fallback : ((Number) v).intValue();
    }
}
