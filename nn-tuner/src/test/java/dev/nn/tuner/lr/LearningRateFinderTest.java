package dev.nn.tuner.lr;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.optimizers.SGD;
import dev.nn.api.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningRateFinderTest {

    @TempDir
    Path dir;

    private final TestData data = new TestData(4);
    private final Tensor x = data.uniform(-1, 1, 4096, 3);
    private final Tensor y = Ops.add(Ops.matmul(x, Tensor.of(new float[] {2, -1, 0.5f}, 3, 1)), data.normal(0.05f, 4096, 1));

    private static Model regression(Optimizer opt) {
        Model m = new Sequential(new InputLayer(3), new Dense(8, "relu"), new Dense(1));
        m.seed(1);
        m.compile(loss("mse"), optimizer(opt));
        return m;
    }

    @Test
    void restoresWeightsRateAndOptimizerStateExactly() {
        Model m = regression(new Adam(0.003));
        m.fit(x.rows(0, 256), y.rows(0, 256), epochs(1), verbose(0)); // Adam has moments and a step count now
        List<float[]> before = m.getWeights().stream().map(Tensor::toArray).toList();
        Optimizer opt = m.optimizer();
        long steps = opt.iterations();
        Variable kernel = m.trainableWeights().get(0);
        float[] moment = opt.slotsOf(kernel)[0].clone();

        LrFinderResult r = LearningRateFinder.run(m, x, y, 1e-4, 1.06, 16);

        assertTrue(r.rates().length > 50, "swept " + r.rates().length + " batches");
        List<float[]> after = m.getWeights().stream().map(Tensor::toArray).toList();
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
        assertEquals(0.003, opt.learningRate());
        assertEquals(steps, opt.iterations());
        assertArrayEquals(moment, opt.slotsOf(kernel)[0]);
    }

    /**
     * Linear regression with SGD on inputs uniform in [-1, 1] diverges above a rate of about 2
     * (2 / the largest curvature); the loss starts to climb a little below that, so half of it
     * lies between 0.05 and 2.
     */
    @Test
    void suggestsASaneRateAndPlotsTheCurve() throws Exception {
        Model m = regression(new SGD(0.01));
        LrFinderResult r = LearningRateFinder.run(m, x, y, 1e-4, 1.06, 16);
        double[] rates = r.rates();
        for (int i = 1; i < rates.length; i++) {
            assertEquals(rates[i - 1] * 1.06, rates[i], 1e-9 * rates[i]);
        }
        assertTrue(r.suggestion().climbed(), "loss climbed");
        assertTrue(r.suggestedRate() > 0.05 && r.suggestedRate() < 2, "suggested " + r.suggestedRate());
        Path png = dir.resolve("lr.png");
        r.plot(png);
        assertTrue(Files.size(png) > 1000);
    }

    /** A made-up curve: flat at 1, down to 0.2 at index 300, then up; the climb starts where the smoothed loss passes 0.22. */
    @Test
    void suggestionRuleOnAKnownCurve() {
        int n = 500;
        double[] rates = new double[n];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = 1e-4 * Math.pow(1.02, i);
            losses[i] = i < 300 ? 1 - 0.8 * i / 300.0 : 0.2 + 0.01 * (i - 300);
        }
        LrSuggestion s = LrSuggestion.of(rates, losses);
        double[] smooth = SmoothedLoss.of(losses);
        assertTrue(s.climbed());
        assertTrue(s.climbIndex() > 300 && s.climbIndex() < 340, "climb at " + s.climbIndex());
        double min = java.util.Arrays.stream(smooth, 50, s.climbIndex()).min().orElseThrow();
        assertTrue(smooth[s.climbIndex()] > 1.1 * min && smooth[s.climbIndex() - 1] <= 1.1 * min);
        assertEquals(rates[s.climbIndex()] / 2, s.rate());
    }

    @Test
    void callbackStopsOnceTheLossBlowsUp() {
        Model m = regression(new SGD(1e-3));
        ExponentialLearningRate sweep = new ExponentialLearningRate(1.3, 4);
        try {
            m.fit(x, y, epochs(1), dev.nn.api.models.FitOptions.batchSize(16), dev.nn.api.models.FitOptions.callbacks(sweep), verbose(0));
        } catch (ArithmeticException diverged) {
            // allowed: a loop that only stops between epochs may still meet a NaN
        }
        assertTrue(sweep.stopped());
        double[] s = SmoothedLoss.of(sweep.losses());
        double lowest = java.util.Arrays.stream(s).min().orElseThrow();
        assertTrue(!Double.isFinite(s[s.length - 1]) || s[s.length - 1] > 4 * lowest);
        assertTrue(s.length < 4096 / 16, "stopped recording early: " + s.length);
    }
}
