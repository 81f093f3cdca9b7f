package dev.nn.api.saving;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.testing.TestData;
import java.util.ArrayList;
import java.util.List;

/** Synthetic regression data with 8 features (the shape of California housing) and small models for it. */
final class Fixtures {

    final Tensor x;
    final Tensor y;

    Fixtures(int rows, long seed) {
        TestData data = new TestData(seed);
        x = data.normal(1f, rows, 8);
        float[] xs = x.buffer();
        float[] ys = new float[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0.5;
            for (int j = 0; j < 8; j++) {
                s += (j % 3 - 1) * 0.4 * xs[i * 8 + j] + 0.1 * xs[i * 8 + j] * xs[i * 8 + (j + 1) % 8];
            }
            ys[i] = (float) s;
        }
        y = Tensor.of(ys, rows, 1);
    }

    /** Dense 16 relu, Dropout, Dense 1: seeded, compiled with MSE, the given optimizer and MAE. */
    static Sequential regressor(Optimizer o) {
        Sequential m = new Sequential(new InputLayer(8), new Dense(16, "relu"), new Dropout(0.2), new Dense(1));
        m.seed(7);
        m.compile(loss("mse"), optimizer(o), metrics("mae"));
        return m;
    }

    /** The weights' bits, so tests compare exactly. */
    static List<int[]> bits(Model m) {
        List<int[]> out = new ArrayList<>();
        for (Tensor t : m.getWeights()) {
            float[] d = t.buffer();
            int[] b = new int[d.length];
            for (int i = 0; i < d.length; i++) {
                b[i] = Float.floatToRawIntBits(d[i]);
            }
            out.add(b);
        }
        return out;
    }
}
