package dev.nn.api.linear;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.shuffle;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.initializers.Initializers;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PerceptronTest {

    /** Two separable clusters like Iris's petal length and width: setosa (1) small, the rest (0) large. */
    static Tensor[] petals(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            boolean setosa = i % 3 == 0;
            x[i * 2] = (float) ((setosa ? 1.46 : 4.9) + (setosa ? 0.17 : 0.8) * r.nextGaussian());
            x[i * 2 + 1] = (float) ((setosa ? 0.25 : 1.7) + (setosa ? 0.1 : 0.4) * r.nextGaussian());
            y[i] = setosa ? 1 : 0;
        }
        return new Tensor[] {Tensor.wrap(x, n, 2), Tensor.wrap(y, n)};
    }

    @Test
    void separatesSetosaAndPredictsItForASmallPetal() {
        Tensor[] d = petals(150, 1);
        Perceptron p = Perceptron.builder().randomState(42).build().fit(d[0], d[1]);
        float[] pred = p.predict(Tensor.of(new float[][] {{2, 0.5f}, {3, 1}})).toArray();
        assertArrayEquals(new float[] {1, 0}, pred);
        float[] all = p.predict(d[0]).toArray();
        assertArrayEquals(d[1].toArray(), all);
        assertTrue(p.epochsRun() < 1000, "stops once the loss stops improving, ran " + p.epochsRun());
    }

    @Test
    void earlyStoppingHoldsOutDataAndStops() {
        Tensor[] d = petals(150, 4);
        Perceptron p = Perceptron.builder().earlyStopping(true).randomState(1).build().fit(d[0], d[1]);
        assertTrue(p.epochsRun() <= 10, "ran " + p.epochsRun());
        float[] pred = p.predict(d[0]).toArray();
        int hits = 0;
        for (int i = 0; i < pred.length; i++) {
            hits += pred[i] == d[1].toArray()[i] ? 1 : 0;
        }
        assertTrue(hits >= 145, hits + " of 150");
    }

    @Test
    void learnsSeveralClassesOneVersusRest() {
        Random r = new Random(3);
        int n = 300;
        float[] x = new float[n * 2];
        float[] y = new float[n];
        float[][] c = {{0, 0}, {6, 0}, {0, 6}};
        for (int i = 0; i < n; i++) {
            x[i * 2] = c[i % 3][0] + (float) r.nextGaussian();
            x[i * 2 + 1] = c[i % 3][1] + (float) r.nextGaussian();
            y[i] = i % 3;
        }
        Perceptron p = Perceptron.builder().randomState(0).build().fit(Tensor.wrap(x, n, 2), Tensor.wrap(y, n));
        assertEquals(3, p.coefficients().dim(0));
        float[] pred = p.predict(Tensor.wrap(x, n, 2)).toArray();
        int hits = 0;
        for (int i = 0; i < n; i++) {
            hits += pred[i] == y[i] ? 1 : 0;
        }
        assertTrue(hits > 0.95 * n, hits + " of " + n);
    }

    @Test
    void sgdOnThePerceptronLossGivesTheSameWeights() {
        Tensor[] d = petals(60, 2);
        int epochs = 7;
        Perceptron rule = Perceptron.builder().shuffle(false).tol(null).maxIter(epochs).build().fit(d[0], d[1]);

        Sequential sgd = new Sequential(new InputLayer(2), Dense.builder(1)
                .kernelInitializer(Initializers.zeros()).build());
        sgd.compile(loss("perceptron"), optimizer(new SGD(1.0)));
        sgd.fit(d[0], d[1], epochs(epochs), batchSize(1), shuffle(false), verbose(0));

        Dense dense = (Dense) sgd.getLayer(0);
        assertArrayEquals(rule.coefficients().toArray(), dense.kernel().buffer());
        assertArrayEquals(rule.intercepts().toArray(), dense.bias().buffer());
    }
}
