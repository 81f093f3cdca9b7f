package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Normalization;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.plot.LearningCurves;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The chapter's regression MLPs on California housing: standardized inputs, Dense 30 relu,
 * SGD 1e-3, MSE; then a Normalization layer, three Dense 50 relu and Adam, with RMSE.
 */
final class CaliforniaHousingRegression implements Example {

    @Override
    public String name() {
        return "california-housing";
    }

    @Override
    public String description() {
        return "regression MLPs on California housing (SGD + standardization; Normalization layer + Adam, RMSE)";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        HousingData d = HousingData.load(false);
        Tensor xTrain = d.xTrain();
        Tensor xValid = d.xValid();
        Tensor xTest = d.xTest();

        Sequential model = new Sequential(new InputLayer(8), new Dense(30, "relu"), new Dense(1));
        model.seed(42);
        model.compile(loss("mse"), optimizer(new SGD(1e-3)));
        History history = model.fit(xTrain, d.train().y(), epochs(ctx.epochsOr(20, 2)), validationData(xValid, d.valid().y()));
        double mse = model.evaluate(xTest, d.test().y()).get("loss");
        ctx.out().printf(Locale.ROOT, "Test MSE: %.4f (Keras: 0.4212)%n", mse);
        Tensor predictions = model.predict(xTest.rows(0, 3));
        for (int i = 0; i < 3; i++) {
            ctx.out().printf(Locale.ROOT, "  predicted %.3f, actual %.3f (100,000 $)%n", predictions.get(i, 0), d.test().y().get(i, 0));
        }
        Path curves = ctx.file("learning_curves_sgd.png");
        LearningCurves.plot(history.history(), curves);

        Normalization norm = new Normalization();
        Sequential deeper = new Sequential(new InputLayer(8), norm, new Dense(50, "relu"), new Dense(50, "relu"),
                new Dense(50, "relu"), new Dense(1));
        deeper.seed(42);
        norm.adapt(d.train().x());
        ctx.out().println(deeper.summary());
        deeper.compile(loss("mse"), optimizer(new Adam(1e-3)), metrics("RootMeanSquaredError"));
        History h2 = deeper.fit(d.train().x(), d.train().y(), epochs(ctx.epochsOr(20, 2)),
                validationData(d.valid().x(), d.valid().y()));
        double rmse = deeper.evaluate(d.test().x(), d.test().y()).get("RootMeanSquaredError");
        ctx.out().printf(Locale.ROOT, "Test RMSE: %.4f (Keras: 0.5297)%n", rmse);
        Path curves2 = ctx.file("learning_curves_adam.png");
        LearningCurves.plot(h2.history(), curves2);
        ctx.out().println("Wrote " + curves.toAbsolutePath() + " and " + curves2.toAbsolutePath());
    }
}
