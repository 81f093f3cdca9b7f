package dev.nn.api.models;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.shuffle;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.callbacks.TerminateOnNaN;
import dev.nn.api.data.Dataset;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.optimizers.SGD;
import dev.nn.api.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * NaN and infinity in data are reported with their row before a step uses them; a loss that turns
 * NaN or infinite stops training (TerminateOnNaN) or raises, and never trains on silently.
 */
class NonFiniteTest {

    private final TestData data = new TestData(17);
    private final Tensor x = data.normal(1f, 100, 4);
    private final Tensor y = data.normal(1f, 100, 1);

    private static Sequential model(double learningRate) {
        Sequential m = new Sequential(new InputLayer(4), new Dense(8, "relu"), new Dense(1));
        m.seed(3);
        m.compile(loss("mse"), optimizer(new SGD(learningRate)));
        return m;
    }

    private static Tensor with(Tensor t, int index, float value) {
        float[] d = t.buffer().clone();
        d[index] = value;
        return Tensor.wrap(d, t.shape());
    }

    @Test
    void aNaNLabelIsReportedWithItsRowBeforeAnyStep() {
        Sequential m = model(0.01);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(x, with(y, 42, Float.NaN), verbose(0)));
        assertTrue(e.getMessage().contains("targets") && e.getMessage().contains("NaN at row 42"), e.getMessage());
        assertEquals(0, m.optimizer().iterations());
    }

    @Test
    void anInfiniteInputIsReportedWithItsRowAndColumn() {
        Sequential m = model(0.01);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(with(x, 4 * 7 + 2, Float.NEGATIVE_INFINITY), y, verbose(0)));
        assertTrue(e.getMessage().contains("-Infinity at row 7 (column 2)"), e.getMessage());
        assertEquals(0, m.optimizer().iterations());
    }

    @Test
    void badValidationDataIsReportedBeforeTraining() {
        Sequential m = model(0.01);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(x, y, verbose(0), validationData(x.rows(0, 10), with(y.rows(0, 10), 3, Float.POSITIVE_INFINITY))));
        assertTrue(e.getMessage().startsWith("validation data") && e.getMessage().contains("row 3"), e.getMessage());
        assertEquals(0, m.optimizer().iterations());
    }

    @Test
    void aNaNInALaterDatasetBatchIsReportedBeforeThatBatchTrains() {
        Sequential m = model(0.01);
        Dataset ds = Dataset.fromTensors(with(x, 4 * 70, Float.NaN), y).batch(32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.fit(ds, verbose(0)));
        assertTrue(e.getMessage().contains("batch 3") && e.getMessage().contains("NaN at row 70"), e.getMessage());
        assertEquals(2, m.optimizer().iterations(), "the two clean batches before it trained, the bad one did not");
    }

    @Test
    void aDivergingLossStopsTrainingUnderTerminateOnNaN() {
        Sequential m = model(1e6);
        TerminateOnNaN stop = new TerminateOnNaN();
        History h = m.fit(x, y, epochs(50), batchSize(10), shuffle(false), verbose(0), callbacks(stop));
        assertTrue(stop.terminatedAtBatch() >= 0, "TerminateOnNaN never fired");
        assertTrue(h.epochs().size() < 50, "training went on after the loss became " + h.last("loss"));
        for (Tensor w : m.getWeights()) {
            for (float f : w.buffer()) {
                assertTrue(Float.isFinite(f), "a non-finite step was applied");
            }
        }
    }

    @Test
    void aDivergingLossRaisesWithoutTerminateOnNaN() {
        Sequential m = model(1e6);
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> m.fit(x, y, epochs(50), batchSize(10), shuffle(false), verbose(0)));
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }
}
