package dev.nn.api.saving;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;

import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.FitOptions;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child process of {@link KilledDuringSaveTest}: saves a model of a few megabytes over and
 * over, with every weight set to the save's number, and prints "saved N" after each save.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Sequential model = new Sequential(new InputLayer(512), new Dense(512, "relu"), new Dense(1));
        model.compile(loss("mse"), optimizer(new Adam()));
        model.fit(Tensor.zeros(4, 512), Tensor.zeros(4, 1), FitOptions.verbose(0)); // makes Adam's slots
        for (int n = 1; ; n++) {
            for (Variable v : model.weights()) {
                Arrays.fill(v.buffer(), n);
            }
            model.save(file);
            System.out.println("saved " + n);
            System.out.flush();
        }
    }
}
