package dev.nn.api.models;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationSplit;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.optimizers.Adagrad;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.optimizers.RMSprop;
import dev.nn.api.optimizers.SGD;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SequentialTrainingTest {

    @Test
    void twoTwoOneNetworkLearnsXor() {
        Tensor x = Tensor.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor y = Tensor.vector(0, 1, 1, 0);
        // two hidden units can stall in XOR's well-known local minimum (loss ≈ 0.347) from some
        // starting points; at least half the seeds escape it, and seed 0 does
        int solved = 0;
        for (int seed = 1; seed <= 8; seed++) {
            Sequential m = new Sequential(new InputLayer(2), new Dense(2, "tanh"), new Dense(1, "sigmoid"));
            m.seed(seed);
            m.compile(loss("binary_crossentropy"), optimizer(new Adam(0.05)), metrics("accuracy"));
            solved += m.fit(x, y, epochs(600), batchSize(4), verbose(0)).last("accuracy") == 1.0 ? 1 : 0;
        }
        assertTrue(solved >= 4, solved + " of 8 seeds solved XOR");
        Sequential model = new Sequential(new InputLayer(2), new Dense(2, "tanh"), new Dense(1, "sigmoid"));
        model.seed(0);
        model.compile(loss("binary_crossentropy"), optimizer(new Adam(0.05)), metrics("accuracy"));
        History h = model.fit(x, y, epochs(600), batchSize(4), verbose(0));
        assertEquals(1.0, h.last("accuracy"), "XOR accuracy after training; loss " + h.last("loss"));
        float[] p = model.predict(x).toArray();
        assertTrue(p[0] < 0.2 && p[1] > 0.8 && p[2] > 0.8 && p[3] < 0.2, java.util.Arrays.toString(p));
    }

    @Test
    void regressionOnNoisyLinearDataConverges() {
        Random r = new Random(1);
        int n = 512;
        float[] xs = new float[n * 3];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            float a = (float) r.nextGaussian();
            float b = (float) r.nextGaussian();
            float c = (float) r.nextGaussian();
            xs[i * 3] = a;
            xs[i * 3 + 1] = b;
            xs[i * 3 + 2] = c;
            ys[i] = 2 * a - 3 * b + 0.5f * c + 1 + 0.1f * (float) r.nextGaussian();
        }
        Sequential model = new Sequential(new InputLayer(3), new Dense(1));
        model.seed(7);
        model.compile(loss("mse"), optimizer(new SGD(0.05)), metrics("mae"));
        History h = model.fit(Tensor.wrap(xs, n, 3), Tensor.wrap(ys, n, 1), epochs(20), verbose(0), validationSplit(0.2));
        assertTrue(h.last("loss") < 0.02, "training MSE " + h.last("loss"));
        assertTrue(h.last("val_loss") < 0.03, "validation MSE " + h.last("val_loss"));
        float[] w = ((Dense) model.getLayer(0)).kernel().buffer();
        assertEquals(2f, w[0], 0.05f);
        assertEquals(-3f, w[1], 0.05f);
        assertEquals(0.5f, w[2], 0.05f);
    }

    static Tensor[] blobs(int n, long seed) {
        Random r = new Random(seed);
        float[][] centers = {{0, 0}, {4, 0}, {0, 4}};
        float[] xs = new float[n * 2];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            xs[i * 2] = centers[c][0] + (float) r.nextGaussian();
            xs[i * 2 + 1] = centers[c][1] + (float) r.nextGaussian();
            ys[i] = c;
        }
        return new Tensor[] {Tensor.wrap(xs, n, 2), Tensor.wrap(ys, n)};
    }

    @Test
    void threeGaussianBlobsAreSeparated() {
        Tensor[] d = blobs(600, 2);
        Sequential model = new Sequential(new InputLayer(2), new Dense(16, "relu"), new Dropout(0.1), new Dense(3, "softmax"));
        model.seed(11);
        model.compile(loss("sparse_categorical_crossentropy"), optimizer("adam"), metrics("accuracy"));
        model.fit(d[0], d[1], epochs(30), verbose(0));
        Tensor[] test = blobs(300, 5);
        double acc = model.evaluate(test[0], test[1]).get("accuracy");
        assertTrue(acc > 0.9, "test accuracy " + acc);
    }

    @Test
    void everyOptimizerDecreasesTheLoss() {
        Tensor[] d = blobs(300, 3);
        List<Supplier<Optimizer>> optimizers = List.of(
                () -> new SGD(0.05), () -> new SGD(0.05, 0.9, false), () -> new SGD(0.05, 0.9, true),
                () -> new Adam(0.01), () -> new RMSprop(0.01), () -> new Adagrad(0.1));
        for (Supplier<Optimizer> make : optimizers) {
            Optimizer opt = make.get();
            Sequential model = new Sequential(new InputLayer(2), new Dense(8, "tanh"), new Dense(3, "softmax"));
            model.seed(5);
            model.compile(loss("sparse_categorical_crossentropy"), optimizer(opt));
            double before = model.evaluate(d[0], d[1]).get("loss");
            model.fit(d[0], d[1], epochs(3), verbose(0));
            double after = model.evaluate(d[0], d[1]).get("loss");
            assertTrue(after < before * 0.8, opt + ": loss " + before + " -> " + after);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        Tensor[] d = blobs(200, 4);
        float[][] runs = new float[2][];
        for (int run = 0; run < 2; run++) {
            Sequential model = new Sequential(new InputLayer(2), new Dense(8, "relu"), new Dropout(0.2), new Dense(3, "softmax"));
            model.seed(42);
            model.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(0.1, 0.9, true)));
            model.fit(d[0], d[1], epochs(2), batchSize(16), verbose(0));
            runs[run] = ((Dense) model.getLayer(0)).kernel().buffer().clone();
        }
        assertArrayEquals(runs[0], runs[1]);
    }
}
