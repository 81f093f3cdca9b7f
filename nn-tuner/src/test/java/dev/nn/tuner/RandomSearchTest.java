package dev.nn.tuner;

import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomSearchTest {

    @TempDir
    Path dir;

    private final Tensor x = Toy.column(1, 2, 3, 4);
    private final Tensor y = Toy.column(2, 4, 6, 8);

    /** 4 × 3 = 12 points, best at units 3 with "relu": 12 trials without repeats must find it exactly. */
    @Test
    void findsTheBestPointOfASmallDiscreteSpace() {
        HyperModel toy = Toy.scored(hp -> {
            hp.Int("units", 1, 4);
            hp.Choice("activation", List.of("tanh", "relu", "selu"));
        }, hp -> Math.pow(hp.getInt("units") - 3, 2) + (hp.get("activation").equals("relu") ? 0 : 1));
        Tuner tuner = new RandomSearch(toy, TunerOptions.defaults().maxTrials(12).seed(7).directory(dir).projectName("discrete"));
        tuner.search(x, y);
        assertEquals(12, tuner.trials().stream().map(Trial::values).distinct().count(), "no combination repeats");
        assertEquals(Map.of("units", 3, "activation", "relu"), tuner.bestHyperparameters(1).get(0).values());
        assertEquals(0.0, tuner.bestTrials(1).get(0).score());
        String summary = tuner.resultsSummary(3);
        assertTrue(summary.contains("trial_") && summary.contains("units") && summary.contains("relu"), summary);
    }

    /** val_loss = (log10 lr + 2)²: 30 log-uniform draws over 4 decades land within a quarter decade of 1e-2. */
    @Test
    void findsTheBestLearningRateOfAContinuousToy() {
        HyperModel toy = Toy.scored(hp -> hp.Float("lr", 1e-4, 1, Sampling.LOG),
                hp -> Math.pow(Math.log10(hp.getDouble("lr")) + 2, 2));
        Tuner tuner = new RandomSearch(toy, TunerOptions.defaults().maxTrials(30).seed(3).directory(dir).projectName("lr"));
        tuner.search(x, y);
        double best = tuner.bestHyperparameters(1).get(0).getDouble("lr");
        assertTrue(Math.abs(Math.log10(best) + 2) < 0.25, "best lr " + best);
    }

    /** Each execution trains a model of its own (other initial weights); the score is their mean. */
    @Test
    void executionsPerTrialAverageTheirScores() {
        List<Double> seen = new java.util.ArrayList<>();
        HyperModel byInitialWeight = new HyperModel() {
            @Override
            public Model build(HyperParameters hp) {
                hp.Int("units", 1, 4);
                return Toy.linear();
            }

            @Override
            public dev.nn.api.callbacks.History fit(HyperParameters hp, Model model, Tensor x, Tensor y,
                                                    dev.nn.api.models.FitOptions.FitOption... options) {
                double w = model.getWeights().get(0).toArray()[0];
                seen.add(w);
                return Toy.history(w, 1);
            }
        };
        Tuner tuner = new RandomSearch(byInitialWeight, TunerOptions.defaults().maxTrials(1).executionsPerTrial(2)
                .directory(dir).projectName("executions"));
        tuner.search(x, y);
        assertEquals(2, seen.size());
        assertTrue(!seen.get(0).equals(seen.get(1)), "two initializations: " + seen);
        assertEquals((seen.get(0) + seen.get(1)) / 2, tuner.trials().get(0).score(), 1e-12);
    }

    /** The best model comes back with the weights its trial saved. */
    @Test
    void bestModelsAreRebuiltWithTheirSavedWeights() throws Exception {
        HyperModel toy = new HyperModel() {
            @Override
            public Model build(HyperParameters hp) {
                hp.Float("lr", 1e-3, 1e-1, Sampling.LOG);
                return Toy.linear();
            }

            @Override
            public dev.nn.api.callbacks.History fit(HyperParameters hp, Model model, Tensor x, Tensor y,
                                                    dev.nn.api.models.FitOptions.FitOption... options) {
                model.optimizer().setLearningRate(hp.getDouble("lr"));
                model.fit(x, y, options);
                return Toy.history(model.evaluate(x, y).get("loss"), 1);
            }
        };
        Tuner tuner = new RandomSearch(toy, TunerOptions.defaults().maxTrials(3).directory(dir).projectName("weights"));
        tuner.search(x, y, dev.nn.api.models.FitOptions.epochs(5), verbose(0));
        Trial best = tuner.bestTrials(1).get(0);
        Model m = tuner.bestModels(1).get(0);
        assertEquals(best.score(), m.evaluate(x, y).get("loss"), 1e-6);
        assertTrue(Files.exists(dir.resolve("weights").resolve(best.id()).resolve("weights.safetensors")));
        // a new tuner on the same directory (another JVM, say) reads the results back
        Tuner reopened = new RandomSearch(toy, TunerOptions.defaults().maxTrials(3).directory(dir).projectName("weights"));
        assertEquals(best, reopened.bestTrials(1).get(0));
        assertArrayEquals(m.getWeights().get(0).toArray(), reopened.bestModels(1).get(0).getWeights().get(0).toArray());
    }
}
