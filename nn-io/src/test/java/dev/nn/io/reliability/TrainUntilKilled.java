package dev.nn.io.reliability;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.Callback;
import dev.nn.api.callbacks.ModelCheckpoint;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.testing.TestData;
import dev.nn.io.tensorboard.TensorBoard;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child of {@link KilledTrainingTest}: trains a small model for ever, checkpointing every epoch
 * and logging every batch to TensorBoard, and prints {@code epoch N} once epoch N's checkpoint is saved.
 */
public final class TrainUntilKilled {

    private TrainUntilKilled() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        TestData data = new TestData(9);
        Tensor x = data.normal(1f, 512, 8);
        Tensor y = data.normal(1f, 512, 1);
        Sequential model = new Sequential(new InputLayer(8), new Dense(32, "relu"), new Dense(1));
        model.seed(1);
        model.compile(loss("mse"), optimizer(new Adam(0.001)));
        Callback report = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                System.out.println("epoch " + (epoch + 1));
                System.out.flush();
            }
        };
        model.fit(x, y, epochs(Integer.MAX_VALUE), batchSize(32), verbose(0), validationData(x.rows(0, 64), y.rows(0, 64)),
                callbacks(new ModelCheckpoint(dir.resolve("last.nn")),
                        TensorBoard.builder(dir.resolve("logs")).updateFreq(1).build(), report));
    }
}
