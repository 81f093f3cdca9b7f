package dev.nn.tuner.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;

import dev.nn.api.Tensor;
import dev.nn.api.backend.Backends;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.data.FashionMnist;
import dev.nn.io.data.TrainTest;
import dev.nn.tuner.HyperParameters;
import dev.nn.tuner.RandomSearch;
import dev.nn.tuner.Sampling;
import dev.nn.tuner.Tuner;
import dev.nn.tuner.TunerOptions;
import dev.nn.tuner.lr.LearningRateFinder;
import dev.nn.tuner.lr.LrFinderResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The acceptance runs, not a unit test (minutes of training):
 * <ul>
 * <li>{@code search}: the book's RandomSearch on Fashion-MNIST (0-8 hidden layers of 16-256
 *     neurons, learning rate 1e-4..1e-2 log, SGD or Adam), 5 trials of 10 epochs, objective
 *     val_accuracy; Keras Tuner reaches 0.8736;</li>
 * <li>{@code finder}: the learning-rate finder on the MLP 784-300-100-10 with SGD from 1e-3,
 *     factor 1.005, one epoch; writes the curve and prints the suggestion.</li>
 * </ul>
 * Arguments: {@code search}, {@code finder} or both; then an output directory (default "target/acceptance").
 */
public final class FashionMnistTuning {

    private FashionMnistTuning() {
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

    public static void main(String[] args) throws Exception {
        List<String> what = List.of(args).stream().filter(a -> a.equals("search") || a.equals("finder")).toList();
        Path out = Path.of(List.of(args).stream().filter(a -> !what.contains(a)).findFirst().orElse("target/acceptance"));
        TrainTest data = FashionMnist.load();
        Tensor xTrain = data.train().x().rows(0, 55_000);
        Tensor yTrain = data.train().y().rows(0, 55_000);
        Tensor xValid = data.train().x().rows(55_000, 60_000);
        Tensor yValid = data.train().y().rows(55_000, 60_000);
        System.out.println("Backend: " + Backends.current().name() + " with " + Backends.current().threads() + " thread(s)");
        if (what.isEmpty() || what.contains("search")) {
            search(xTrain, yTrain, xValid, yValid, out);
        }
        if (what.isEmpty() || what.contains("finder")) {
            finder(xTrain, yTrain, out);
        }
    }

    private static void search(Tensor xTrain, Tensor yTrain, Tensor xValid, Tensor yValid, Path out) {
        long start = System.nanoTime();
        Tuner tuner = new RandomSearch(FashionMnistTuning::buildModel, TunerOptions.defaults()
                .objective("val_accuracy").maxTrials(5).seed(42).overwrite(true)
                .directory(out).projectName("my_rnd_search"));
        tuner.search(xTrain, yTrain, epochs(10), validationData(xValid, yValid), verbose(2));
        System.out.println(tuner.resultsSummary(5));
        Model best = tuner.bestModels(1).get(0);
        double acc = best.evaluate(xValid, yValid, verbose(0)).get("accuracy");
        System.out.printf(Locale.ROOT, "Best val_accuracy %.4f (reloaded best model: %.4f) with %s in %.0f s%n",
                tuner.bestTrials(1).get(0).score(), acc, tuner.bestHyperparameters(1).get(0).values(),
                (System.nanoTime() - start) / 1e9);
    }

    private static void finder(Tensor xTrain, Tensor yTrain, Path out) throws Exception {
        Sequential model = new Sequential(new InputLayer(28, 28), new Flatten(), new Dense(300, "relu"),
                new Dense(100, "relu"), new Dense(10, "softmax"));
        model.seed(42);
        model.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(1e-3)), metrics("accuracy"));
        long start = System.nanoTime();
        LrFinderResult r = LearningRateFinder.run(model, xTrain, yTrain, 1e-3, 1.005, 32);
        Path png = out.resolve("lr_finder.png");
        r.plot(png);
        double[] rates = r.rates();
        System.out.printf(Locale.ROOT, "Finder: %d batches, rates %.3g..%.3g, loss climbs at %.3g, suggested rate %.3g (%s), %.0f s; wrote %s%n",
                rates.length, rates[0], rates[rates.length - 1], rates[r.suggestion().climbIndex()], r.suggestedRate(),
                r.suggestion().climbed() ? "climb seen" : "no climb", (System.nanoTime() - start) / 1e9, png.toAbsolutePath());
    }
}
