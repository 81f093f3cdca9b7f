package dev.nn.tuner;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Random search: every trial draws each hyperparameter from its distribution, avoiding
 * combinations already tried, until {@code maxTrials}.
 *
 * <pre>{@code
 * Tuner tuner = new RandomSearch(hp -> buildModel(hp), TunerOptions.defaults()
 *         .objective("val_accuracy").maxTrials(5).seed(42).directory(dir).projectName("fashion"));
 * tuner.search(xTrain, yTrain, epochs(10), validationData(xValid, yValid));
 * Model best = tuner.bestModels(1).get(0);
 * }</pre>
 */
public class RandomSearch extends Tuner {

    public RandomSearch(HyperModel hypermodel, TunerOptions options) {
        super(hypermodel, options);
    }

    @Override
    protected Decision next(List<Trial> trials, RandomGenerator random) {
        if (trials.size() >= options().maxTrials()) {
            return new Decision.Done();
        }
        return new Decision.Run(RandomProposals.propose(space(), trials, random), Map.of());
    }
}
