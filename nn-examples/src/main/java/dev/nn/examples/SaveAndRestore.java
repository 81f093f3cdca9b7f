package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;

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
import dev.nn.io.plot.LearningCurves;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Saving and restoring, checkpoints, early stopping and a custom callback, as the chapter does
 * them: save, load and predict the same; keep the best model during training; stop when the
 * validation loss stops improving; print the validation/training loss ratio each epoch.
 */
final class SaveAndRestore implements Example {

    /** The book's custom callback: shows the ratio of validation to training loss, and can stop training. */
    static final class PrintValTrainRatio extends Callback {
        private final java.io.PrintStream out;

        PrintValTrainRatio(java.io.PrintStream out) {
            this.out = out;
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            double ratio = logs.get("val_loss") / logs.get("loss");
            out.printf(Locale.ROOT, "Epoch=%d, val/train=%.2f%n", epoch, ratio);
            if (ratio > 3) {
                model().stopTraining(); // a sign of overfitting
            }
        }
    }

    @Override
    public String name() {
        return "callbacks";
    }

    @Override
    public String description() {
        return "save and restore a model, ModelCheckpoint, EarlyStopping and a custom callback (California housing)";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        HousingData d = HousingData.load(ctx.shortRun());
        Sequential model = new Sequential(new InputLayer(8), new Dense(30, "relu"), new Dense(30, "relu"), new Dense(1));
        model.seed(42);
        model.compile(loss("mse"), optimizer(new SGD(1e-3)));

        Path best = ctx.file("my_checkpoints.nn");
        ModelCheckpoint checkpoint = new ModelCheckpoint(best).saveBestOnly(true);
        model.fit(d.xTrain(), d.train().y(), epochs(ctx.epochsOr(10, 2)), validationData(d.xValid(), d.valid().y()),
                callbacks(checkpoint));
        Model restored = Models.load(best); // roll back to the best model
        Tensor firstRows = d.xTest().rows(0, 3);
        ctx.out().println("Best checkpoint (val_loss " + checkpoint.best() + ") predicts "
                + Arrays.toString(restored.predict(firstRows).toArray()));
        ctx.out().printf(Locale.ROOT, "Checkpointed model, test MSE: %.4f%n", restored.evaluate(d.xTest(), d.test().y()).get("loss"));

        EarlyStopping stop = new EarlyStopping().patience(10).restoreBestWeights(true);
        History h = restored.fit(d.xTrain(), d.train().y(), epochs(ctx.epochsOr(100, 3)),
                validationData(d.xValid(), d.valid().y()), callbacks(checkpoint, stop, new PrintValTrainRatio(ctx.out())));
        ctx.out().printf(Locale.ROOT, "Early stopping after %d more epochs, test MSE: %.4f (Keras: 0.3310)%n",
                h.epochs().size(), restored.evaluate(d.xTest(), d.test().y()).get("loss"));

        Path saved = ctx.file("my_california_housing_model.nn");
        restored.save(saved);
        Model again = Models.load(saved);
        boolean same = Arrays.equals(restored.predict(firstRows).toArray(), again.predict(firstRows).toArray());
        ctx.out().println("Saved to " + saved.toAbsolutePath() + "; the loaded model predicts the same: " + same);
        Path weights = ctx.file("my_weights.safetensors");
        restored.saveWeights(weights);
        ctx.out().println("Weights alone (safetensors layout) in " + weights.toAbsolutePath());
        Path curves = ctx.file("learning_curves.png");
        LearningCurves.plot(h.history(), curves);
        ctx.out().println("Wrote " + curves.toAbsolutePath());
    }
}
