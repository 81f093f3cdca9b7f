package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.lossWeights;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Input;
import dev.nn.api.layers.Layers;
import dev.nn.api.models.Functional;
import dev.nn.api.models.ModelPlot;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.plot.LearningCurves;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The functional API's wide & deep networks on California housing: one input; two inputs (a
 * wide path of features 0-4 and a deep path of features 2-7); and an auxiliary output that
 * regularizes the deep path.
 */
final class WideAndDeep implements Example {

    @Override
    public String name() {
        return "wide-and-deep";
    }

    @Override
    public String description() {
        return "functional API: wide & deep with one input, two inputs, and an auxiliary output (California housing)";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        HousingData d = HousingData.load(ctx.shortRun());
        int epochs = ctx.epochsOr(20, 2);

        Tensor input = Input.of("input", 8);
        Tensor hidden1 = new Dense(30, "relu").apply(input);
        Tensor hidden2 = new Dense(30, "relu").apply(hidden1);
        Tensor concat = Layers.concatenate(input, hidden2);
        Tensor output = Dense.builder(1).name("output").build().apply(concat);
        Functional oneInput = new Functional(List.of(input), List.of(output), "wide_and_deep");
        oneInput.seed(42);
        ctx.out().println(oneInput.summary());
        oneInput.compile(loss("mse"), optimizer(new SGD(1e-3)));
        History h = oneInput.fit(d.xTrain(), d.train().y(), epochs(epochs), validationData(d.xValid(), d.valid().y()));
        ctx.out().printf(Locale.ROOT, "One input, test MSE: %.4f (Keras: 0.4032)%n",
                oneInput.evaluate(d.xTest(), d.test().y()).get("loss"));
        Path curves = ctx.file("learning_curves_one_input.png");
        LearningCurves.plot(h.history(), curves);

        Tensor wide = Input.of("input_wide", 5);
        Tensor deep = Input.of("input_deep", 6);
        Tensor deep1 = new Dense(30, "relu").apply(deep);
        Tensor deep2 = new Dense(30, "relu").apply(deep1);
        Tensor joined = Layers.concatenate(wide, deep2);
        Tensor main = Dense.builder(1).name("output").build().apply(joined);
        Functional twoInputs = new Functional(List.of(wide, deep), List.of(main), "two_inputs");
        twoInputs.seed(42);
        twoInputs.compile(loss("mse"), optimizer(new SGD(1e-3)));
        List<Tensor> train = HousingData.wideDeep(d.xTrain());
        List<Tensor> valid = HousingData.wideDeep(d.xValid());
        List<Tensor> test = HousingData.wideDeep(d.xTest());
        twoInputs.fit(train, List.of(d.train().y()), epochs(epochs), validationData(valid, List.of(d.valid().y())));
        ctx.out().printf(Locale.ROOT, "Two inputs, test MSE: %.4f (Keras: 0.4219)%n",
                twoInputs.evaluate(test, List.of(d.test().y())).get("loss"));

        Tensor aux = Dense.builder(1).name("aux_output").build().apply(deep2);
        Functional withAux = new Functional(List.of(wide, deep), List.of(main, aux), "with_aux_output");
        withAux.seed(42);
        withAux.compile(loss("mse"), lossWeights(0.9, 0.1), optimizer(new SGD(1e-3)));
        History ha = withAux.fit(Map.of("input_wide", train.get(0), "input_deep", train.get(1)),
                Map.of("output", d.train().y(), "aux_output", d.train().y()), epochs(epochs),
                validationData(valid, List.of(d.valid().y(), d.valid().y())));
        Map<String, Double> r = withAux.evaluate(test, List.of(d.test().y(), d.test().y()));
        ctx.out().printf(Locale.ROOT, "Auxiliary output, test losses: total %.4f, main %.4f, auxiliary %.4f (Keras total: 0.4668)%n",
                r.get("loss"), r.get("output_loss"), r.get("aux_output_loss"));
        List<Tensor> both = withAux.predict(List.of(test.get(0).rows(0, 3), test.get(1).rows(0, 3)));
        ctx.out().println("main predictions " + both.get(0) + ", auxiliary " + both.get(1));
        Path auxCurves = ctx.file("learning_curves_aux_output.png");
        LearningCurves.plot(ha.history(), auxCurves);
        Path picture = ctx.file("wide_and_deep_aux.png");
        ModelPlot.plotModel(withAux, picture, true);
        ctx.out().println("Wrote " + curves.toAbsolutePath() + ", " + auxCurves.toAbsolutePath() + " and " + picture.toAbsolutePath());
    }
}
