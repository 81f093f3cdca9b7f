package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.data.FashionMnist;
import dev.nn.io.data.Split;
import dev.nn.io.data.TrainValidationTest;
import dev.nn.tuner.HyperParameters;
import dev.nn.tuner.RandomSearch;
import dev.nn.tuner.Sampling;
import dev.nn.tuner.Tuner;
import dev.nn.tuner.TunerOptions;
import java.util.List;
import java.util.Locale;

/**
 * The book's random search on Fashion-MNIST: 0-8 hidden layers of 16-256 neurons, a learning rate
 * from 1e-4 to 1e-2 on a log scale, SGD or Adam; 5 trials of 10 epochs, best validation accuracy.
 */
final class HyperparameterSearch implements Example {

    @Override
    public String name() {
        return "hyperparameter-search";
    }

    @Override
    public String description() {
        return "RandomSearch over depth, width, learning rate and optimizer on Fashion-MNIST (resumable project directory)";
    }

    /** The book's build_model(hp). */
    static Model buildModel(HyperParameters hp) {
        int nHidden = hp.Int("n_hidden", 0, 8, 1, 2);
        int nNeurons = hp.Int("n_neurons", 16, 256);
        double learningRate = hp.Float("learning_rate", 1e-4, 1e-2, Sampling.LOG);
        String opt = hp.Choice("optimizer", List.of("sgd", "adam"));
        Sequential model = new Sequential(new InputLayer(28, 28), new Flatten());
        for (int i = 0; i < nHidden; i++) {
            model.add(new Dense(nNeurons, "relu"));
        }
        model.add(new Dense(10, "softmax"));
        model.compile(loss("sparse_categorical_crossentropy"),
                optimizer(opt.equals("sgd") ? new SGD(learningRate) : new Adam(learningRate)), metrics("accuracy"));
        return model;
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        TrainValidationTest data = FashionMnist.loadWithValidation(5_000);
        Split train = ctx.trainingRows(data.train(), 5_000);
        Tensor xTrain = train.x();
        Tensor yTrain = train.y();
        Tensor xValid = data.validation().x();
        Tensor yValid = data.validation().y();
        Tuner tuner = new RandomSearch(HyperparameterSearch::buildModel, TunerOptions.defaults()
                .objective("val_accuracy").maxTrials(ctx.shortRun() ? 2 : 5).seed(42).overwrite(true)
                .directory(ctx.file("my_fashion_mnist")).projectName("my_rnd_search"));
        tuner.search(xTrain, yTrain, epochs(ctx.epochsOr(10, 1)), validationData(xValid, yValid), verbose(0));
        ctx.out().println(tuner.resultsSummary(5));
        ctx.out().printf(Locale.ROOT, "Best val_accuracy %.4f (Keras Tuner: 0.8736) with %s%n",
                tuner.bestTrials(1).get(0).score(), tuner.bestHyperparameters(1).get(0).values());
        Model best = tuner.bestModels(1).get(0);
        ctx.out().printf(Locale.ROOT, "Best model reloaded, test accuracy %.4f%n",
                best.evaluate(data.test().x(), data.test().y()).get("accuracy"));
        ctx.out().println("Trials kept in " + ctx.outputDir().resolve("my_fashion_mnist").toAbsolutePath()
                + " (run again without overwrite to resume)");
    }
}
