package dev.nn.api.models;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Input;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layer;
import dev.nn.api.optimizers.SGD;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The training step reuses its forward arrays only for models made of nn's own layers. */
class RecycledStepTest {

    /** A user's layer that passes its inputs on and keeps them, to compare them on later calls. */
    static final class KeepsLastInput extends Layer {
        final List<Tensor> kept = new ArrayList<>();
        final List<float[]> keptValues = new ArrayList<>();
        int changedBehindItsBack;

        KeepsLastInput() {
            super("keeps_last_input");
        }

        @Override
        protected Tensor call(Tensor input, boolean training) {
            if (input.isSymbolic()) {
                return input; // traced when the model is built
            }
            for (int i = 0; i < kept.size(); i++) {
                if (!Arrays.equals(keptValues.get(i), kept.get(i).toArray())) {
                    changedBehindItsBack++;
                }
            }
            kept.add(input);
            keptValues.add(input.toArray());
            return input;
        }
    }

    private static Tensor[] data(int n, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[n * 4];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            float s = 0;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) rnd.nextGaussian();
                s += x[i * 4 + j] * (j + 1);
            }
            y[i] = s > 0 ? 1 : s > -2 ? 2 : 0;
        }
        return new Tensor[] {Tensor.wrap(x, n, 4), Tensor.wrap(y, n, 1)};
    }

    @Test
    void onlyModelsOfOwnLayersQualify() {
        assertTrue(TrainingLoop.runsOnlyOwnLayers(new Sequential(new InputLayer(4), new Dense(8, "relu"), new Dropout(0.1),
                new Dense(3, "softmax"))));
        Tensor in = Input.of(4);
        Functional inner = new Functional(in, new Dense(3).apply(in));
        assertTrue(TrainingLoop.runsOnlyOwnLayers(new Sequential(new InputLayer(4), inner)), "nested own models");
        assertFalse(TrainingLoop.runsOnlyOwnLayers(new Sequential(new InputLayer(4), new KeepsLastInput(), new Dense(3))));
        assertFalse(TrainingLoop.runsOnlyOwnLayers(new WideAndDeepModel(4, "relu")), "a subclassed model runs user code");
    }

    @Test
    void aUserLayerThatKeepsATensorFindsItUnchanged() {
        Tensor[] d = data(96, 5);
        KeepsLastInput keeper = new KeepsLastInput();
        Sequential m = new Sequential(new InputLayer(4), new Dense(8, "relu"), keeper, new Dense(3, "softmax"));
        m.seed(1);
        m.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(0.1)));
        m.fit(d[0], d[1], epochs(2), batchSize(16), verbose(0));
        assertEquals(0, keeper.changedBehindItsBack);
    }

    @Test
    void recyclingDoesNotChangeTheTraining() {
        Tensor[] d = data(200, 6);
        Sequential own = new Sequential(new InputLayer(4), new Dense(16, "relu"), new Dense(8, "tanh"), new Dense(3, "softmax"));
        Sequential mixed = new Sequential(new InputLayer(4), new Dense(16, "relu"), new KeepsLastInput(), new Dense(8, "tanh"),
                new Dense(3, "softmax"));
        assertTrue(TrainingLoop.runsOnlyOwnLayers(own));
        assertFalse(TrainingLoop.runsOnlyOwnLayers(mixed));
        List<Sequential> models = List.of(own, mixed);
        for (Sequential m : models) {
            m.seed(7);
            m.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(0.05, 0.9, false)), metrics("accuracy"));
        }
        mixed.setWeights(own.getWeights());
        double[] lastLoss = new double[2];
        for (int i = 0; i < 2; i++) {
            lastLoss[i] = models.get(i).fit(d[0], d[1], epochs(3), batchSize(32), verbose(0)).last("loss");
        }
        assertEquals(lastLoss[0], lastLoss[1], 0.0, "the same losses, bit for bit");
        List<Tensor> a = own.getWeights();
        List<Tensor> b = mixed.getWeights();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).toArray(), b.get(i).toArray(), 0f, "weight " + i);
        }
    }
}
