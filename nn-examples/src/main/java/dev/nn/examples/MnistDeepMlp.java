package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.EarlyStopping;
import dev.nn.api.callbacks.History;
import dev.nn.api.callbacks.ModelCheckpoint;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import dev.nn.api.saving.Models;
import dev.nn.io.data.DataNotFoundException;
import dev.nn.io.data.FashionMnist;
import dev.nn.io.data.Mnist;
import dev.nn.io.data.Split;
import dev.nn.io.data.TrainValidationTest;
import dev.nn.io.plot.LearningCurves;
import dev.nn.io.tensorboard.RunDirectories;
import dev.nn.io.tensorboard.TensorBoard;
import dev.nn.tuner.lr.LearningRateFinder;
import dev.nn.tuner.lr.LrFinderResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The chapter's exercise 10: a deep MLP on MNIST, its learning rate chosen with the finder, then
 * trained with checkpoints, early stopping and TensorBoard, aiming at 98% test accuracy. MNIST
 * comes from $NN_DATA_HOME, from {@code --data DIR} files or from its official source; where it
 * cannot be had, the same recipe runs on Fashion-MNIST.
 */
final class MnistDeepMlp implements Example {

    @Override
    public String name() {
        return "mnist-deep-mlp";
    }

    @Override
    public String description() {
        return "exercise 10: deep MLP on MNIST with the LR finder, checkpoints, early stopping and TensorBoard (Fashion-MNIST if MNIST is absent)";
    }

    private static Sequential mlp() {
        Sequential model = new Sequential(new InputLayer(28, 28), new Flatten(), new Dense(300, "relu"),
                new Dense(100, "relu"), new Dense(10, "softmax"));
        model.seed(42);
        return model;
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        TrainValidationTest data;
        String name;
        try {
            data = Mnist.loadWithValidation(5_000);
            name = "MNIST";
        } catch (DataNotFoundException e) {
            ctx.out().println(e.getMessage());
            ctx.out().println("MNIST is not available here: running the same recipe on Fashion-MNIST.");
            data = FashionMnist.loadWithValidation(5_000);
            name = "Fashion-MNIST";
        }
        Split train = ctx.trainingRows(data.train(), 10_000);
        Tensor xTrain = train.x();
        Tensor yTrain = train.y();
        Tensor xValid = data.validation().x();
        Tensor yValid = data.validation().y();

        Sequential probe = mlp();
        probe.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(1e-3)), metrics("accuracy"));
        LrFinderResult finder = LearningRateFinder.run(probe, xTrain, yTrain, 1e-3, ctx.shortRun() ? 1.02 : 1.005, 32);
        Path finderPng = ctx.file("lr_finder.png");
        finder.plot(finderPng);
        double rate = finder.suggestedRate();
        ctx.out().printf(Locale.ROOT, "%s: the learning-rate finder suggests %.3g%n", name, rate);

        Sequential model = mlp();
        model.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(rate)), metrics("accuracy"));
        Path best = ctx.file("my_mnist_model.nn");
        Path logs = RunDirectories.newRun(ctx.file("my_mnist_logs"));
        History h = model.fit(xTrain, yTrain, epochs(ctx.epochsOr(100, 3)), validationData(xValid, yValid),
                callbacks(new ModelCheckpoint(best).saveBestOnly(true),
                        new EarlyStopping().patience(20).restoreBestWeights(true), new TensorBoard(logs)));
        Model restored = Models.load(best);
        double accuracy = restored.evaluate(data.test().x(), data.test().y()).get("accuracy");
        ctx.out().printf(Locale.ROOT, "%s test accuracy of the best checkpoint after %d epochs: %.4f (the book: 0.9806 on MNIST)%n",
                name, h.epochs().size(), accuracy);
        Path curves = ctx.file("learning_curves.png");
        LearningCurves.plot(h.history(), curves);
        ctx.out().println("Wrote " + finderPng.toAbsolutePath() + ", " + curves.toAbsolutePath() + ", " + best.toAbsolutePath()
                + " and TensorBoard logs in " + logs.toAbsolutePath());
    }
}
