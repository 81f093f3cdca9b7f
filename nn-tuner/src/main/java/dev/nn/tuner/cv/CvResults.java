package dev.nn.tuner.cv;

import dev.nn.tuner.Objective;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a cross-validated search found: every candidate, and the best by mean score. */
public record CvResults(Objective scoring, List<Candidate> candidates) {

    public CvResults {
        candidates = List.copyOf(candidates);
    }

    /** The candidate with the best mean score (the first of equals, as scikit-learn's rank 1). */
    public Candidate best() {
        Comparator<Candidate> byMean = Comparator.comparingDouble(c -> scoring.asLoss(c.mean()));
        return candidates.stream().min(byMean).orElseThrow();
    }

    public Map<String, Object> bestParams() {
        return best().params();
    }

    public double bestScore() {
        return best().mean();
    }

    /** One line per candidate: mean ± std and the parameters. */
    public String summary() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d candidates, scoring %s%n", candidates.size(), scoring));
        for (Candidate c : candidates) {
            out.append(String.format(Locale.ROOT, "%.5g +- %.3g  %s%n", c.mean(), c.std(), c.params()));
        }
        return out.toString();
    }
}
