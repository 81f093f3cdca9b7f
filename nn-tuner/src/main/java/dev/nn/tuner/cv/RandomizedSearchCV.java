package dev.nn.tuner.cv;

import dev.nn.api.Tensor;
import dev.nn.api.models.FitOptions;
import dev.nn.api.models.FitOptions.FitOption;
import dev.nn.api.models.Model;
import dev.nn.tuner.HyperModel;
import dev.nn.tuner.HyperParameters;
import dev.nn.tuner.Objective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-validated random search, as scikit-learn's RandomizedSearchCV with a Keras model: nIter
 * parameter sets are drawn from the distributions; each is trained on k − 1 folds and scored on
 * the fold left out, k times; the best mean score wins.
 *
 * <pre>{@code
 * CvResults r = new RandomizedSearchCV(hp -> buildModel(hp.getInt("n_hidden"), hp.getDouble("learning_rate")),
 *         Map.of("n_hidden", Distribution.randint(0, 4), "learning_rate", Distribution.reciprocal(3e-4, 3e-2)),
 *         10, 3, 42, Objective.minimize("loss")).fit(x, y, epochs(20));
 * r.bestParams(); r.bestScore();
 * }</pre>
 *
 * The model-building function reads the sampled values with {@code hp.get...}; the score is the
 * named quantity of {@code model.evaluate} on the held-out fold ("loss", "accuracy", ...).
 * Each fit gets a seed of its own from the search seed.
 */
public final class RandomizedSearchCV {

    private static final Logger LOG = LoggerFactory.getLogger(RandomizedSearchCV.class);

    private final HyperModel estimator;
    private final Map<String, Distribution> distributions;
    private final int nIter;
    private final KFold folds;
    private final long seed;
    private final Objective scoring;

    /** Consecutive folds, as scikit-learn's default. */
    public RandomizedSearchCV(HyperModel estimator, Map<String, Distribution> distributions, int nIter, int k, long seed,
                              Objective scoring) {
        this(estimator, distributions, nIter, new KFold(k, false, 0), seed, scoring);
    }

    public RandomizedSearchCV(HyperModel estimator, Map<String, Distribution> distributions, int nIter, KFold folds, long seed,
                              Objective scoring) {
        if (nIter < 1) {
            throw new IllegalArgumentException("nIter must be at least 1, got " + nIter);
        }
        this.estimator = estimator;
        this.distributions = new LinkedHashMap<>(distributions);
        this.nIter = nIter;
        this.folds = folds;
        this.seed = seed;
        this.scoring = scoring;
    }

    public CvResults fit(Tensor x, Tensor y, FitOption... options) {
        SplittableRandom random = new SplittableRandom(seed);
        List<KFold.Fold> split = folds.split(x.dim(0));
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < nIter; i++) {
            Map<String, Object> params = new LinkedHashMap<>();
            // sorted names: the same seed draws the same values whatever map the caller passed
            distributions.keySet().stream().sorted().forEach(n -> params.put(n, distributions.get(n).sample(random)));
            List<Double> scores = new ArrayList<>();
            for (KFold.Fold f : split) {
                scores.add(score(params, f, x, y, random.nextLong(), options));
            }
            Candidate c = new Candidate(params, scores);
            LOG.info("candidate {}: {} {} = {} +- {}", i, params, scoring.name(), c.mean(), c.std());
            candidates.add(c);
        }
        return new CvResults(scoring, candidates);
    }

    private double score(Map<String, Object> params, KFold.Fold fold, Tensor x, Tensor y, long modelSeed, FitOption[] options) {
        HyperParameters hp = HyperParameters.of(params);
        Model model = estimator.build(hp);
        model.seed(modelSeed);
        Tensor xTrain = x.gatherRows(fold.train(), 0, fold.train().length);
        Tensor yTrain = y.gatherRows(fold.train(), 0, fold.train().length);
        estimator.fit(hp, model, xTrain, yTrain, options);
        Map<String, Double> result = model.evaluate(x.gatherRows(fold.test(), 0, fold.test().length),
                y.gatherRows(fold.test(), 0, fold.test().length), FitOptions.verbose(0));
        Double s = result.get(scoring.name());
        if (s == null) {
            throw new IllegalArgumentException("evaluate logs no '" + scoring.name() + "'; it logs " + result.keySet()
                    + ": score by one of those or compile the model with that metric");
        }
        return s;
    }
}
