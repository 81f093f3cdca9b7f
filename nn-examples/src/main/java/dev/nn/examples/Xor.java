package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.verbose;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import java.util.List;
import java.util.Locale;

/**
 * XOR, which no single perceptron can compute: first a two-layer network of threshold units with
 * weights set by hand (an AND unit and an OR unit, then "OR and not AND"), then the same shape of
 * network with smooth activations, trained.
 */
final class Xor implements Example {

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public String description() {
        return "XOR by a hand-weighted two-layer network of step units, then by training a 2-2-1 MLP";
    }

    @Override
    public void run(ExampleContext ctx) {
        Tensor x = Tensor.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor y = Tensor.vector(0, 1, 1, 0);

        Sequential byHand = new Sequential(new InputLayer(2), new Dense(2, "heaviside"), new Dense(1, "heaviside"));
        // hidden unit 0 is AND (fires when x1 + x2 ≥ 1.5), unit 1 is OR (x1 + x2 ≥ 0.5);
        // the output fires when OR is on and AND is off: −AND + OR ≥ 0.5
        byHand.getLayer(0).setWeights(List.of(Tensor.of(new float[][] {{1, 1}, {1, 1}}), Tensor.vector(-1.5f, -0.5f)));
        byHand.getLayer(1).setWeights(List.of(Tensor.of(new float[][] {{-1}, {1}}), Tensor.vector(-0.5f)));
        print(ctx, "Hand-weighted step network", x, byHand.predict(x));

        Sequential trained = new Sequential(new InputLayer(2), new Dense(2, "tanh"), new Dense(1, "sigmoid"));
        trained.seed(0);
        trained.compile(loss("binary_crossentropy"), optimizer(new Adam(0.05)), metrics("accuracy"));
        double accuracy = trained.fit(x, y, epochs(ctx.epochsOr(600, 600)), batchSize(4), verbose(0)).last("accuracy");
        print(ctx, "Trained 2-2-1 MLP (tanh, sigmoid), accuracy " + accuracy, x, trained.predict(x));
    }

    private static void print(ExampleContext ctx, String title, Tensor x, Tensor out) {
        ctx.out().println(title + ":");
        for (int i = 0; i < 4; i++) {
            ctx.out().printf(Locale.ROOT, "  %.0f XOR %.0f -> %.3f%n", x.get(i, 0), x.get(i, 1), out.get(i, 0));
        }
    }
}
