package dev.nn.tuner.cv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sampled parameter set and its score on each fold (scikit-learn's cv_results_ row).
 *
 * @param params     the sampled values
 * @param foldScores the score on each held-out fold, in fold order
 */
public record Candidate(Map<String, Object> params, List<Double> foldScores) {

    public Candidate {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        foldScores = List.copyOf(foldScores);
    }

    public double mean() {
        return foldScores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The population standard deviation over folds, as scikit-learn's std_test_score. */
    public double std() {
        double m = mean();
        double s = foldScores.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
        return Math.sqrt(s / foldScores.size());
    }
}
