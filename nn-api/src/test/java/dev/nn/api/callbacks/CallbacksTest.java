package dev.nn.api.callbacks;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import dev.nn.api.saving.Models;
import dev.nn.api.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbacksTest {

    @TempDir
    Path dir;

    private final TestData data = new TestData(11);
    private final Tensor x = data.normal(1f, 128, 8);
    private final Tensor y = target(x);
    private final Tensor xv = data.normal(1f, 64, 8);
    private final Tensor yv = target(xv);

    private static Tensor target(Tensor x) {
        float[] d = x.buffer();
        float[] t = new float[x.dim(0)];
        for (int i = 0; i < t.length; i++) {
            t[i] = d[i * 8] - 0.5f * d[i * 8 + 3] + 0.2f;
        }
        return Tensor.of(t, t.length, 1);
    }

    private static Sequential model(double lr) {
        Sequential m = new Sequential(new InputLayer(8), new Dense(8, "relu"), new Dense(1));
        m.seed(3);
        m.compile(loss("mse"), optimizer(new SGD(lr)));
        return m;
    }

    /** A callback that records the logs of every epoch and the weights at its end. */
    private static final class Recorder extends Callback {
        final List<Map<String, Double>> logs = new ArrayList<>();
        final List<List<Tensor>> weights = new ArrayList<>();

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> l) {
            logs.add(Map.copyOf(l));
            weights.add(model().getWeights());
        }
    }

    // ---- ModelCheckpoint -------------------------------------------------------------------

    @Test
    void checkpointFillsThePathTemplate() {
        Recorder r = new Recorder();
        String template = dir.resolve("ckpt-{epoch:02d}-{val_loss:.4f}-{loss}.nn").toString();
        model(0.01).fit(x, y, epochs(3), validationData(xv, yv), verbose(0), callbacks(new ModelCheckpoint(template), r));
        for (int e = 0; e < 3; e++) {
            Map<String, Double> l = r.logs.get(e);
            String name = String.format(java.util.Locale.ROOT, "ckpt-%02d-%.4f-%s.nn", e + 1, l.get("val_loss"), l.get("loss"));
            assertTrue(Files.exists(dir.resolve(name)), name);
        }
    }

    @Test
    void checkpointSavesOnlyTheBestAndItReloadsExactly() {
        Path file = dir.resolve("best.nn");
        Recorder r = new Recorder();
        ModelCheckpoint cp = new ModelCheckpoint(file).saveBestOnly(true);
        // a rate so high that val_loss goes up and down
        model(0.2).fit(x, y, epochs(8), validationData(xv, yv), verbose(0), callbacks(cp, r));
        int best = 0;
        for (int e = 1; e < r.logs.size(); e++) {
            if (r.logs.get(e).get("val_loss") < r.logs.get(best).get("val_loss")) {
                best = e;
            }
        }
        assertEquals(r.logs.get(best).get("val_loss"), cp.best());
        Model loaded = Models.load(file);
        assertEquals(best + 1, loaded.epochsCompleted());
        List<Tensor> expected = r.weights.get(best);
        List<Tensor> actual = loaded.getWeights();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).buffer(), actual.get(i).buffer());
        }
    }

    @Test
    void checkpointWeightsOnlyAndMaxMode() {
        Path file = dir.resolve("w-{epoch}.nn");
        Recorder r = new Recorder();
        ModelCheckpoint cp = new ModelCheckpoint(file.toString()).monitor("loss").mode(Mode.MAX).saveBestOnly(true).saveWeightsOnly(true);
        model(0.01).fit(x, y, epochs(3), verbose(0), callbacks(cp, r));
        assertTrue(Files.exists(dir.resolve("w-1.nn"))); // the first epoch always beats "nothing yet"
        Sequential fresh = model(0.01);
        fresh.loadWeights(cp.lastSaved());
        int best = r.logs.get(1).get("loss") > r.logs.get(0).get("loss") ? 1 : 0;
        best = r.logs.get(2).get("loss") > r.logs.get(best).get("loss") ? 2 : best;
        assertArrayEquals(r.weights.get(best).get(0).buffer(), fresh.getWeights().get(0).buffer());
    }

    @Test
    void anUnknownPlaceholderNamesTheKnownOnes() {
        ModelCheckpoint cp = new ModelCheckpoint(dir.resolve("{val_acc}.nn").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model(0.01).fit(x, y, epochs(1), verbose(0), callbacks(cp)));
        assertTrue(e.getMessage().contains("uses {val_acc} but the logs have only [loss]"), e.getMessage());
    }

    @Test
    void autoModePicksMaxForAccuracyLikeNames() {
        assertTrue(Monitor.of("val_accuracy", Mode.AUTO).higherIsBetter());
        assertTrue(Monitor.of("acc", Mode.AUTO).higherIsBetter());
        assertFalse(Monitor.of("val_loss", Mode.AUTO).higherIsBetter());
        assertFalse(Monitor.of("mae", Mode.AUTO).higherIsBetter());
        assertEquals("ep007-0.12-1.500e+00", PathTemplate.format("ep{epoch:03d}-{a:.2f}-{b:.3e}", 7, Map.of("a", 0.123, "b", 1.5)));
    }

    // ---- EarlyStopping ---------------------------------------------------------------------

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBest() {
        Recorder r = new Recorder();
        EarlyStopping es = new EarlyStopping().monitor("val_loss").patience(2).restoreBestWeights(true);
        Sequential m = model(0.3); // too high a rate: val_loss soon stops improving
        var history = m.fit(x, y, epochs(100), validationData(xv, yv), verbose(0), callbacks(es, r));
        int epochs = history.epochs().size();
        assertTrue(epochs < 100, "should stop early, ran " + epochs);
        assertEquals(epochs - 1, es.stoppedEpoch());
        assertEquals(es.bestEpoch() + 2, es.stoppedEpoch(), "stops once patience (2) epochs pass without improvement");
        List<Tensor> best = r.weights.get(es.bestEpoch());
        for (int i = 0; i < best.size(); i++) {
            assertArrayEquals(best.get(i).buffer(), m.getWeights().get(i).buffer());
        }
    }

    @Test
    void minDeltaAndBaselineDelayImprovement() {
        // nothing improves by 1e9, so it stops after patience epochs: first epoch, then 3 more
        EarlyStopping es = new EarlyStopping().monitor("loss").patience(3).minDelta(1e9);
        var h = model(0.01).fit(x, y, epochs(50), verbose(0), callbacks(es));
        assertEquals(4, h.epochs().size());
    }

    /** Feeds a made-up "score" into the logs of each epoch, for callbacks to monitor. */
    private static LambdaCallback scores(double... values) {
        return LambdaCallback.builder().onEpochEnd((e, logs) -> logs.put("score", values[Math.min(e, values.length - 1)])).build();
    }

    @Test
    void aBaselineNotBeatenKeepsTheWaitRunning() {
        double[] s = {5, 4, 3, 3.5, 3.6, 3.7, 3.8};
        EarlyStopping plain = new EarlyStopping().monitor("score").patience(2);
        assertEquals(5, model(0.01).fit(x, y, epochs(50), verbose(0), callbacks(scores(s), plain)).epochs().size());
        // as Keras: improvements that miss the baseline do not restart the wait, so it stops at the first setback
        EarlyStopping base = new EarlyStopping().monitor("score").patience(2).baseline(0);
        assertEquals(4, model(0.01).fit(x, y, epochs(50), verbose(0), callbacks(scores(s), base)).epochs().size());
        assertEquals(3, base.stoppedEpoch());
        assertEquals(2, base.bestEpoch());
    }

    // ---- TerminateOnNaN --------------------------------------------------------------------

    @Test
    void terminateOnNaNStopsAfterTheBadBatchAndKeepsFiniteWeights() {
        float[] big = new float[128 * 8];
        java.util.Arrays.fill(big, 1e30f);
        Tensor huge = Tensor.of(big, 128, 8);
        Sequential m = model(0.01);
        TerminateOnNaN t = new TerminateOnNaN();
        var h = m.fit(huge, y, epochs(5), verbose(0), callbacks(t));
        assertEquals(0, t.terminatedAtBatch());
        assertEquals(1, h.epochs().size());
        assertTrue(Double.isInfinite(h.last("loss")) || Double.isNaN(h.last("loss")));
        for (Tensor w : m.getWeights()) {
            for (float f : w.buffer()) {
                assertTrue(Float.isFinite(f));
            }
        }
        assertEquals(0, m.optimizer().iterations(), "the bad step is not applied");
        // without the callback the loop raises, as before
        assertThrows(ArithmeticException.class, () -> model(0.01).fit(huge, y, epochs(1), verbose(0)));
    }

    // ---- CSVLogger -------------------------------------------------------------------------

    @Test
    void csvLoggerWritesAHeaderAndOneRowPerEpochAndAppends() throws IOException {
        Path csv = dir.resolve("log.csv");
        Sequential m = model(0.01);
        m.fit(x, y, epochs(2), validationData(xv, yv), verbose(0), callbacks(new CSVLogger(csv)));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,loss,val_loss", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("0,"));
        m.fit(x, y, epochs(4), dev.nn.api.models.FitOptions.initialEpoch(2), validationData(xv, yv), verbose(0),
                callbacks(new CSVLogger(csv, ",", true)));
        lines = Files.readAllLines(csv);
        assertEquals(5, lines.size());
        assertTrue(lines.get(4).startsWith("3,"));
        m.fit(x, y, epochs(1), verbose(0), callbacks(new CSVLogger(csv)));
        assertEquals(List.of("epoch,loss"), Files.readAllLines(csv).subList(0, 1));
    }

    // ---- learning rate ---------------------------------------------------------------------

    @Test
    void learningRateSchedulerSetsTheRateEachEpoch() {
        List<Double> seen = new ArrayList<>();
        Sequential m = model(0.1);
        LambdaCallback spy = LambdaCallback.builder().onEpochBegin((e, l) -> seen.add(m.optimizer().learningRate())).build();
        m.fit(x, y, epochs(4), verbose(0), callbacks(new LearningRateScheduler((epoch, lr) -> epoch < 2 ? lr : lr / 2), spy));
        assertEquals(List.of(0.1, 0.1, 0.05, 0.025), seen);
    }

    @Test
    void reduceLROnPlateauReducesAfterPatienceWithCooldownAndFloor() {
        Sequential m = model(0.1);
        List<Double> rates = new ArrayList<>();
        // minDelta 1e9: no epoch counts as an improvement after the first
        ReduceLROnPlateau r = new ReduceLROnPlateau().monitor("loss").factor(0.5).patience(2).minDelta(1e9).cooldown(1).minLr(0.02);
        LambdaCallback spy = LambdaCallback.builder().onEpochEnd((e, l) -> rates.add(m.optimizer().learningRate())).build();
        m.fit(x, y, epochs(10), verbose(0), callbacks(r, spy));
        // reduce after 2 flat epochs; the cooldown epoch resets the wait, so the next cut comes 2 epochs later
        assertEquals(List.of(0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02, 0.02, 0.02), rates);
    }

    // ---- LambdaCallback and a user's own callback ------------------------------------------

    @Test
    void lambdaCallbackRunsEveryHook() {
        List<String> calls = new ArrayList<>();
        LambdaCallback cb = LambdaCallback.builder()
                .onTrainBegin(l -> calls.add("train"))
                .onEpochBegin((e, l) -> calls.add("epoch" + e))
                .onBatchBegin((b, l) -> calls.add("b" + b))
                .onBatchEnd((b, l) -> calls.add("/b" + b))
                .onEpochEnd((e, l) -> calls.add("/epoch" + e))
                .onTrainEnd(l -> calls.add("/train"))
                .build();
        model(0.01).fit(x.rows(0, 64), y.rows(0, 64), epochs(2), dev.nn.api.models.FitOptions.batchSize(32), verbose(0), callbacks(cb));
        assertEquals(List.of("train", "epoch0", "b0", "/b0", "b1", "/b1", "/epoch0", "epoch1", "b0", "/b0", "b1", "/b1",
                "/epoch1", "/train"), calls);
    }

    /** The book's custom callback: prints the validation/training loss ratio, and here stops when it is too high. */
    private static final class PrintValTrainRatio extends Callback {
        final List<String> printed = new ArrayList<>();
        private final double stopAbove;

        PrintValTrainRatio(double stopAbove) {
            this.stopAbove = stopAbove;
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            double ratio = logs.get("val_loss") / logs.get("loss");
            String line = String.format(java.util.Locale.ROOT, "Epoch=%d, val/train=%.2f", epoch, ratio);
            System.out.println(line);
            printed.add(line);
            if (ratio > stopAbove) {
                model().stopTraining();
            }
        }
    }

    @Test
    void theBooksCustomCallbackPrintsTheRatioAndCanStop() {
        PrintValTrainRatio printer = new PrintValTrainRatio(Double.MAX_VALUE);
        model(0.01).fit(x, y, epochs(3), validationData(xv, yv), verbose(0), callbacks(printer));
        assertEquals(3, printer.printed.size());
        assertTrue(printer.printed.get(0).matches("Epoch=0, val/train=\\d+\\.\\d\\d"), printer.printed.get(0));

        PrintValTrainRatio stopper = new PrintValTrainRatio(0); // any ratio stops at once
        var h = model(0.01).fit(x, y, epochs(10), validationData(xv, yv), verbose(0), callbacks(stopper));
        assertEquals(1, h.epochs().size());
    }
}
