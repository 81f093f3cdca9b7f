package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.lossWeights;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Layers;
import dev.nn.api.models.Model;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.plot.LearningCurves;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The subclassing API: the book's WideAndDeepModel, its layers made in the constructor and used in call. */
final class Subclassing implements Example {

    /** Plain Java: two inputs, two outputs; any loops or conditions could go in call. */
    static final class WideAndDeepModel extends Model {
        private final Dense hidden1;
        private final Dense hidden2;
        private final Dense mainOutput = Dense.builder(1).name("main_output").build();
        private final Dense auxOutput = Dense.builder(1).name("aux_output").build();

        WideAndDeepModel(int units, String activation) {
            super("wide_and_deep_model");
            hidden1 = new Dense(units, activation);
            hidden2 = new Dense(units, activation);
        }

        @Override
        public List<String> inputNames() {
            return List.of("input_wide", "input_deep");
        }

        @Override
        protected List<Tensor> call(List<Tensor> inputs, boolean training) {
            Tensor wide = inputs.get(0);
            Tensor deep = inputs.get(1);
            Tensor h1 = hidden1.apply(List.of(deep), training);
            Tensor h2 = hidden2.apply(List.of(h1), training);
            Tensor concat = Layers.concatenate(wide, h2);
            return List.of(mainOutput.apply(List.of(concat), training), auxOutput.apply(List.of(h2), training));
        }
    }

    @Override
    public String name() {
        return "subclassing";
    }

    @Override
    public String description() {
        return "subclassing API: WideAndDeepModel written in plain Java, two inputs and two outputs";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        HousingData d = HousingData.load(ctx.shortRun());
        WideAndDeepModel model = new WideAndDeepModel(30, "relu");
        model.seed(42);
        model.compile(loss("mse"), lossWeights(0.9, 0.1), optimizer(new SGD(1e-3)));
        List<Tensor> train = HousingData.wideDeep(d.xTrain());
        List<Tensor> valid = HousingData.wideDeep(d.xValid());
        List<Tensor> test = HousingData.wideDeep(d.xTest());
        History h = model.fit(train, List.of(d.train().y(), d.train().y()), epochs(ctx.epochsOr(10, 2)),
                validationData(valid, List.of(d.valid().y(), d.valid().y())));
        ctx.out().println(model.summary());
        Map<String, Double> r = model.evaluate(test, List.of(d.test().y(), d.test().y()));
        ctx.out().printf(Locale.ROOT, "Test losses: total %.4f, main %.4f, auxiliary %.4f (Keras total: 0.5841)%n",
                r.get("loss"), r.get("main_output_loss"), r.get("aux_output_loss"));
        List<Tensor> y = model.predict(List.of(test.get(0).rows(0, 3), test.get(1).rows(0, 3)));
        ctx.out().println("main " + y.get(0) + ", auxiliary " + y.get(1));
        Path curves = ctx.file("learning_curves.png");
        LearningCurves.plot(h.history(), curves);
        ctx.out().println("Wrote " + curves.toAbsolutePath());
    }
}
