package dev.nn.io.acceptance;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.Callback;
import dev.nn.api.callbacks.EarlyStopping;
import dev.nn.api.callbacks.History;
import dev.nn.api.callbacks.ModelCheckpoint;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import dev.nn.api.saving.Models;
import dev.nn.io.data.CaliforniaHousing;
import dev.nn.io.data.DataSplit;
import dev.nn.io.data.Split;
import dev.nn.io.data.StandardScaler;
import dev.nn.io.data.TestData;
import dev.nn.io.data.TrainTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5's acceptance on the book's housing.csv: a best-only checkpoint that reloads exactly, and early stopping. */
class CheckpointAcceptanceTest {

    static Tensor trainX;
    static Tensor validX;
    static Tensor testX;
    static Split train;
    static Split valid;
    static Split test;

    @TempDir
    Path dir;

    @BeforeAll
    static void split() throws IOException {
        Split all = CaliforniaHousing.fromCsv(TestData.sharedDataset("california-housing/housing.csv"));
        TrainTest full = DataSplit.trainTestSplit(all.x(), all.y().reshape(-1, 1), 0.25, 42);
        TrainTest inner = DataSplit.trainTestSplit(full.train().x(), full.train().y(), 0.25, 42);
        train = inner.train();
        valid = inner.test();
        test = full.test();
        StandardScaler scaler = StandardScaler.fit(train.x());
        trainX = scaler.transform(train.x());
        validX = scaler.transform(valid.x());
        testX = scaler.transform(test.x());
    }

    private static Sequential model() {
        Sequential model = new Sequential(new InputLayer(8), new Dense(30, "relu"), new Dense(30, "relu"), new Dense(1));
        model.seed(42);
        model.compile(loss("mse"), optimizer(new SGD(1e-3)));
        return model;
    }

    /** Records, after each epoch, the validation loss and the model's predictions for the first three test rows. */
    private static final class FirstRows extends Callback {
        final List<Double> valLoss = new ArrayList<>();
        final List<float[]> predictions = new ArrayList<>();

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            valLoss.add(logs.get("val_loss"));
            predictions.add(model().predict(testX.rows(0, 3)).buffer());
        }
    }

    @Test
    void theReloadedBestCheckpointPredictsAsTheModelDidWhenSaved() {
        Path file = dir.resolve("my_checkpoints.nn");
        FirstRows rows = new FirstRows();
        model().fit(trainX, train.y(), epochs(10), validationData(validX, valid.y()), verbose(0),
                callbacks(new ModelCheckpoint(file).saveBestOnly(true), rows));
        int best = 0;
        for (int e = 1; e < rows.valLoss.size(); e++) {
            if (rows.valLoss.get(e) < rows.valLoss.get(best)) {
                best = e;
            }
        }
        Model reloaded = Models.load(file);
        assertEquals(best + 1, reloaded.epochsCompleted());
        float[] expected = rows.predictions.get(best);
        float[] actual = reloaded.predict(testX.rows(0, 3)).buffer();
        System.out.printf("best epoch %d of 10 (val_loss %.4f); predictions then %s, reloaded %s%n", best + 1,
                rows.valLoss.get(best), java.util.Arrays.toString(expected), java.util.Arrays.toString(actual));
        assertArrayEquals(expected, actual);
    }

    /**
     * As the book: the model of the checkpoint run (10 epochs, rolled back to its best checkpoint)
     * trains on for up to 100 more epochs with a checkpoint and early stopping.
     */
    @Test
    void earlyStoppingStopsByItselfAndReachesTheBooksTestMse() {
        Path file = dir.resolve("my_checkpoints.nn");
        ModelCheckpoint checkpoint = new ModelCheckpoint(file).saveBestOnly(true);
        model().fit(trainX, train.y(), epochs(10), validationData(validX, valid.y()), verbose(0), callbacks(checkpoint));
        Model model = Models.load(file);
        EarlyStopping stop = new EarlyStopping().patience(10).restoreBestWeights(true);
        History h = model.fit(trainX, train.y(), epochs(100), validationData(validX, valid.y()), verbose(0),
                callbacks(checkpoint, stop));
        double mse = model.evaluate(testX, test.y()).get("loss");
        System.out.printf("early stopping: ran %d more epochs, best epoch %d (val_loss %.4f), test MSE %.4f (Keras: 0.3310)%n",
                h.epochs().size(), stop.bestEpoch() + 1, stop.best(), mse);
        assertTrue(h.epochs().size() < 100, "EarlyStopping should stop before 100 epochs, ran " + h.epochs().size());
        assertTrue(mse <= 0.36, "test MSE " + mse + " (Keras: 0.3310)");
    }
}
