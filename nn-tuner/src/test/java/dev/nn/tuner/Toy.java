package dev.nn.tuner;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Stand-ins for tests: a one-weight model and a History whose validation loss is a known function of the hyperparameters. */
final class Toy {

    private Toy() {
    }

    /** y = w·x + b on one input, compiled with SGD and MSE. */
    static Model linear() {
        Model m = new Sequential(new InputLayer(1), new Dense(1));
        m.compile(loss("mse"), optimizer(new SGD(0.01)));
        return m;
    }

    static Tensor column(float... values) {
        return Tensor.of(values, values.length, 1);
    }

    /** One epoch per entry, each logging the same val_loss. */
    static History history(double valLoss, int epochs) {
        History h = new History();
        for (int e = 0; e < epochs; e++) {
            h.onEpochEnd(e, Map.of("val_loss", valLoss));
        }
        return h;
    }

    /**
     * A HyperModel whose fit trains nothing and reports {@code f(hp)} as the validation loss: the
     * toy problem with a known best point.
     */
    static HyperModel scored(java.util.function.Consumer<HyperParameters> declare, ToDoubleFunction<HyperParameters> f) {
        return new HyperModel() {
            @Override
            public Model build(HyperParameters hp) {
                declare.accept(hp);
                return linear();
            }

            @Override
            public History fit(HyperParameters hp, Model model, Tensor x, Tensor y,
                               dev.nn.api.models.FitOptions.FitOption... options) {
                return history(f.applyAsDouble(hp), 1);
            }
        };
    }
}
