package dev.nn.tuner.lr;

import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.verbose;

import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.models.Model;
import dev.nn.api.optimizers.Optimizer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a learning-rate sweep for one epoch and puts the model back as it was:
 *
 * <pre>{@code
 * LrFinderResult r = LearningRateFinder.run(model, xTrain, yTrain, 1e-3, 1.005, 32);
 * r.plot(Path.of("lr_finder.png"));
 * model.optimizer().setLearningRate(r.suggestedRate());
 * }</pre>
 *
 * Afterwards the weights, the optimizer's learning rate and its state (step count, momentum and
 * moment slots) are those from before the sweep. A schedule on the optimizer comes back as the
 * constant rate it gave at that moment, since an optimizer does not expose its schedule.
 */
public final class LearningRateFinder {

    private static final Logger LOG = LoggerFactory.getLogger(LearningRateFinder.class);
    /** Stop once a batch loss is this many times the lowest: the curve's interesting part is over. */
    public static final double STOP_FACTOR = 4;

    private LearningRateFinder() {
    }

    /**
     * @param model     a compiled model
     * @param startRate the first batch's rate
     * @param factor    the rate's growth per batch (1.005 takes ~460 batches per decade)
     */
    public static LrFinderResult run(Model model, Tensor x, Tensor y, double startRate, double factor, int batchSize) {
        if (!model.isBuilt()) {
            model.buildFor(List.of(x.shape()));
        }
        List<Tensor> weights = model.getWeights();
        Optimizer optimizer = model.optimizer();
        double rate = optimizer.learningRate();
        long iterations = optimizer.iterations();
        Map<Variable, float[][]> slots = copySlots(optimizer, model.trainableWeights());
        ExponentialLearningRate sweep = new ExponentialLearningRate(factor, STOP_FACTOR);
        optimizer.setLearningRate(startRate);
        try {
            model.fit(x, y, epochs(1), batchSize(batchSize), callbacks(sweep), verbose(0));
        } catch (ArithmeticException diverged) {
            // the loss became NaN or infinite at a high rate: the sweep is over, its record stands
            LOG.debug("learning-rate sweep ended by divergence: {}", diverged.getMessage());
        } finally {
            model.setWeights(weights);
            optimizer.setLearningRate(rate);
            optimizer.restoreState(iterations, slots);
        }
        double[] rates = sweep.rates();
        double[] losses = sweep.losses();
        LrSuggestion suggestion = LrSuggestion.of(rates, losses);
        if (!suggestion.climbed()) {
            LOG.warn("the loss did not climb up to rate {}; sweep further (larger factor or more data) for a reliable suggestion",
                    rates[rates.length - 1]);
        }
        return new LrFinderResult(rates, losses, suggestion);
    }

    private static Map<Variable, float[][]> copySlots(Optimizer optimizer, List<Variable> variables) {
        Map<Variable, float[][]> copy = new IdentityHashMap<>();
        for (Variable v : variables) {
            float[][] s = optimizer.slotsOf(v);
            if (s.length > 0) {
                float[][] c = new float[s.length][];
                for (int i = 0; i < s.length; i++) {
                    c[i] = s[i].clone();
                }
                copy.put(v, c);
            }
        }
        return copy;
    }
}
