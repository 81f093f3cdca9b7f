package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.data.FashionMnist;
import dev.nn.io.data.Split;
import dev.nn.io.data.TrainValidationTest;
import dev.nn.tuner.lr.LearningRateFinder;
import dev.nn.tuner.lr.LrFinderResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The learning-rate finder: one epoch whose learning rate grows by a factor each batch, the loss
 * plotted against the rate, and about half the rate where the loss starts to climb suggested.
 */
final class LearningRateFinderExample implements Example {

    @Override
    public String name() {
        return "lr-finder";
    }

    @Override
    public String description() {
        return "the learning-rate finder on the Fashion-MNIST MLP: loss against rate (log axis) and a suggested rate";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        // the 55,000 training images of the book's split; the validation rows go unused
        TrainValidationTest data = FashionMnist.loadWithValidation(5_000);
        Split train = ctx.trainingRows(data.train(), 20_000);
        Tensor x = train.x();
        Tensor y = train.y();
        Sequential model = new Sequential(new InputLayer(28, 28), new Flatten(), new Dense(300, "relu"),
                new Dense(100, "relu"), new Dense(10, "softmax"));
        model.seed(42);
        model.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(1e-3)), metrics("accuracy"));
        double factor = ctx.shortRun() ? 1.01 : 1.005;
        LrFinderResult r = LearningRateFinder.run(model, x, y, 1e-3, factor, 32);
        Path png = ctx.file("lr_finder.png");
        r.plot(png);
        double[] rates = r.rates();
        ctx.out().printf(Locale.ROOT, "Swept %d batches from rate %.3g to %.3g; the loss starts to climb at %.3g%n",
                rates.length, rates[0], rates[rates.length - 1], rates[r.suggestion().climbIndex()]);
        ctx.out().printf(Locale.ROOT, "Suggested learning rate: %.3g%n", r.suggestedRate());
        ctx.out().println("Wrote " + png.toAbsolutePath());
    }
}
