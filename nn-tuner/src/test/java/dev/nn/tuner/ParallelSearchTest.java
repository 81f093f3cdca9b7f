package dev.nn.tuner;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.SGD;
import dev.nn.api.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials on two threads, training real models at the same time on the shared backend, give what
 * one thread gives: the same values and, to float precision, the same scores. (In about one run
 * in twelve, one validation loss differed in its last float bit while every training loss stayed
 * bitwise equal; the GEMM is serialized and splits by shape only, so the suspect is JIT timing
 * of Vector API lane reductions, compiled vs. interpreted, rather than a race.)
 */
class ParallelSearchTest {

    @TempDir
    Path dir;

    private static Model build(HyperParameters hp) {
        Model m = new Sequential(new InputLayer(6), new Dense(hp.Int("units", 4, 64, 4, 16), "relu"), new Dense(1));
        double lr = hp.Float("lr", 1e-3, 1e-1, Sampling.LOG);
        m.compile(loss("mse"), optimizer(hp.Choice("optimizer", List.of("sgd", "adam")).equals("sgd") ? new SGD(lr) : new Adam(lr)));
        return m;
    }

    @Test
    void parallelTrialsMatchSequentialOnes() {
        TestData data = new TestData(5);
        Tensor x = data.uniform(-1, 1, 256, 6);
        Tensor w = data.normal(1, 6, 1);
        Tensor y = dev.nn.api.Ops.matmul(x, w);
        Tensor xv = data.uniform(-1, 1, 64, 6);
        Tensor yv = dev.nn.api.Ops.matmul(xv, w);
        TunerOptions options = TunerOptions.defaults().maxTrials(6).seed(21).directory(dir);
        Tuner one = new RandomSearch(ParallelSearchTest::build, options.projectName("one"));
        one.search(x, y, epochs(3), batchSize(32), validationData(xv, yv), verbose(0));
        Tuner two = new RandomSearch(ParallelSearchTest::build, options.projectName("two").threads(2));
        two.search(x, y, epochs(3), batchSize(32), validationData(xv, yv), verbose(0));
        assertEquals(6, two.trials().size());
        for (int i = 0; i < 6; i++) {
            Trial a = one.trials().get(i);
            Trial b = two.trials().get(i);
            assertEquals(a.values(), b.values(), a.id());
            assertEquals(a.metrics().keySet(), b.metrics().keySet());
            for (String k : a.metrics().keySet()) {
                assertEquals(a.metrics().get(k), b.metrics().get(k), 1e-6 * Math.abs(a.metrics().get(k)), a.id() + " " + k);
            }
        }
    }
}
