package dev.nn.api.models;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Input;
import dev.nn.api.layers.Layers;
import dev.nn.api.testing.TestData;
import java.util.List;

/** The book's functional wide and deep networks, and synthetic housing-like data for them. */
public final class WideAndDeep {

    private WideAndDeep() {
    }

    /** One input of 8 features, concatenated with the second of two Dense 30 relu layers, then Dense 1. */
    public static Functional oneInput() {
        Tensor input = Input.of(8);
        Tensor hidden1 = new Dense(30, "relu").apply(input);
        Tensor hidden2 = new Dense(30, "relu").apply(hidden1);
        Tensor concat = Layers.concatenate(input, hidden2);
        Tensor output = new Dense(1).apply(concat);
        return new Functional(input, output);
    }

    /** Two inputs: features 0-4 wide, 2-7 deep. */
    public static Functional twoInputs() {
        Tensor wide = Input.of("input_wide", 5);
        Tensor deep = Input.of("input_deep", 6);
        Tensor hidden1 = new Dense(30, "relu").apply(deep);
        Tensor hidden2 = new Dense(30, "relu").apply(hidden1);
        Tensor output = new Dense(1).apply(Layers.concatenate(wide, hidden2));
        return new Functional(List.of(wide, deep), List.of(output), null);
    }

    /** Two inputs and an auxiliary output on the second hidden layer. */
    public static Functional withAuxOutput() {
        Tensor wide = Input.of("input_wide", 5);
        Tensor deep = Input.of("input_deep", 6);
        Tensor hidden1 = new Dense(30, "relu").apply(deep);
        Tensor hidden2 = new Dense(30, "relu").apply(hidden1);
        Tensor output = Dense.builder(1).name("output").build().apply(Layers.concatenate(wide, hidden2));
        Tensor aux = Dense.builder(1).name("aux_output").build().apply(hidden2);
        return new Functional(List.of(wide, deep), List.of(output, aux), null);
    }

    /** n rows of 8 standardized features and a smooth target that depends on all of them. */
    record Data(Tensor x, Tensor y) {
        Tensor wide() {
            return columns(0, 5);
        }

        Tensor deep() {
            return columns(2, 8);
        }

        private Tensor columns(int from, int to) {
            float[][] m = x.toMatrix();
            float[][] out = new float[m.length][to - from];
            for (int r = 0; r < m.length; r++) {
                System.arraycopy(m[r], from, out[r], 0, to - from);
            }
            return Tensor.of(out);
        }
    }

    static Data data(int n, long seed) {
        Tensor x = new TestData(seed).normal(1f, n, 8);
        float[] v = x.toArray();
        float[] y = new float[n];
        for (int r = 0; r < n; r++) {
            double s = 2;
            for (int c = 0; c < 8; c++) {
                s += 0.3 * v[r * 8 + c] * (c % 2 == 0 ? 1 : -1);
            }
            y[r] = (float) (s + 0.5 * Math.tanh(v[r * 8] * v[r * 8 + 7]));
        }
        return new Data(x, Tensor.of(y, n, 1));
    }
}
