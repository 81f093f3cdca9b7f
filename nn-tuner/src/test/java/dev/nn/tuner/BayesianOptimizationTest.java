package dev.nn.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.tuner.gp.GaussianProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BayesianOptimizationTest {

    @TempDir
    Path dir;

    /** val_loss = (log10 lr + 2.5)² + ((units - 72) / 40)²: best at lr ≈ 3.2e-3, 72 units. */
    private static final HyperModel TOY = Toy.scored(hp -> {
        hp.Float("lr", 1e-4, 1, Sampling.LOG);
        hp.Int("units", 8, 256, 8, 8);
    }, hp -> Math.pow(Math.log10(hp.getDouble("lr")) + 2.5, 2) + Math.pow((hp.getInt("units") - 72) / 40.0, 2));

    private static double best(Tuner t) {
        return t.bestTrials(1).get(0).score();
    }

    @Test
    void findsTheBestPointOfAToyWithFewTrials() {
        for (Acquisition a : Acquisition.values()) {
            Tuner bo = new BayesianOptimization(TOY, TunerOptions.defaults().maxTrials(20).seed(1).directory(dir)
                    .projectName("bo_" + a), 6, a);
            bo.search(Toy.column(1), Toy.column(1));
            HyperParameters hp = bo.bestHyperparameters(1).get(0);
            assertTrue(best(bo) < 0.05, a + ": best " + best(bo) + " at " + hp);
        }
    }

    @Test
    void beatsRandomSearchOnTheSameBudget() {
        double bo = best(run(new BayesianOptimization(TOY, options("bo"))));
        double random = best(run(new RandomSearch(TOY, options("random"))));
        assertTrue(bo < random, "bayesian " + bo + " vs random " + random);
    }

    private TunerOptions options(String project) {
        return TunerOptions.defaults().maxTrials(20).seed(2).directory(dir).projectName(project);
    }

    private static Tuner run(Tuner t) {
        t.search(Toy.column(1), Toy.column(1));
        assertEquals(20, t.trials().size());
        return t;
    }

    @Test
    void gaussianProcessInterpolatesAndIsUnsureFarAway() {
        double[][] x = {{0.1}, {0.3}, {0.5}, {0.7}, {0.9}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(6 * x[i][0]);
        }
        GaussianProcess gp = GaussianProcess.fit(x, y);
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], gp.predict(x[i])[0], 0.05);
        }
        assertTrue(gp.predict(new double[] {0.4})[1] < gp.predict(new double[] {3.0})[1]);
        assertEquals(Math.sin(2.4), gp.predict(new double[] {0.4})[0], 0.15);
        assertTrue(List.of(0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2.0).contains(gp.lengthScale()));
    }
}
