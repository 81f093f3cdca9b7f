package dev.nn.tuner.cv;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.FitOptions.FitOption;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import dev.nn.tuner.HyperModel;
import dev.nn.tuner.HyperParameters;
import dev.nn.tuner.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomizedSearchCVTest {

    /**
     * y = x, and a candidate's model is y = scale·x with its kernel set in fit instead of
     * training: scale 1 has zero error on every fold, the others (x² (scale-1)² on average) lose.
     * (Weights are set in fit since the search seeds each model after build, redrawing them.)
     */
    @Test
    void picksTheCandidateWithTheBestMeanScore() {
        float[] v = new float[60];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble(-2, 2);
        }
        Tensor x = Tensor.of(v, 60, 1);
        HyperModel fixedLine = new HyperModel() {
            @Override
            public Model build(HyperParameters hp) {
                Sequential m = new Sequential(new InputLayer(1), new Dense(1));
                m.compile(loss("mse"), optimizer(new SGD(0.01)));
                return m;
            }

            @Override
            public History fit(HyperParameters hp, Model model, Tensor x, Tensor y, FitOption... options) {
                Dense d = (Dense) model.getLayer(0);
                d.kernel().assign(Tensor.of(new float[] {(float) hp.getDouble("scale")}, 1, 1));
                d.bias().assign(Tensor.of(new float[] {0}, 1));
                return new History();
            }
        };
        CvResults res = new RandomizedSearchCV(fixedLine,
                Map.of("scale", Distribution.choice(0.5, 1.0, 2.0), "lr", Distribution.reciprocal(1e-4, 1e-1)),
                8, 3, 42, Objective.minimize("loss")).fit(x, x);
        assertEquals(8, res.candidates().size());
        res.candidates().forEach(c -> assertEquals(3, c.foldScores().size()));
        assertEquals(1.0, res.bestParams().get("scale"));
        assertEquals(0.0, res.bestScore(), 1e-9);
        assertEquals(0.0, res.best().std(), 1e-9);
        double lr = (Double) res.bestParams().get("lr");
        assertTrue(lr >= 1e-4 && lr <= 1e-1);
        assertTrue(res.summary().contains("scale"), res.summary());
    }

    /** A real fit: the learning rate that trains a linear model in 30 epochs beats the one that barely moves it. */
    @Test
    void trainsEachFoldForReal() {
        float[] v = new float[90];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 9) / 4f - 1;
        }
        Tensor x = Tensor.of(v, 90, 1);
        Tensor y = Tensor.of(Arrays.copyOf(v, v.length), 90, 1);
        HyperModel line = hp -> {
            Sequential m = new Sequential(new InputLayer(1), new Dense(1));
            m.compile(loss("mse"), optimizer(new SGD(hp.getDouble("lr"))));
            return m;
        };
        CvResults res = new RandomizedSearchCV(line, Map.of("lr", Distribution.choice(1e-5, 0.1)), 4, 3, 1,
                Objective.minimize("loss")).fit(x, y, dev.nn.api.models.FitOptions.epochs(30), dev.nn.api.models.FitOptions.verbose(0));
        assertEquals(0.1, res.bestParams().get("lr"), res.summary());
    }

    @Test
    void foldsPartitionTheRowsLikeScikitLearn() {
        List<KFold.Fold> folds = new KFold(3, false, 0).split(10);
        // 10 = 4 + 3 + 3, consecutive
        assertEquals(List.of(4, 3, 3), folds.stream().map(f -> f.test().length).toList());
        assertEquals(List.of(0, 1, 2, 3), IntStream.of(folds.get(0).test()).boxed().toList());
        List<Integer> all = new ArrayList<>();
        for (KFold.Fold f : folds) {
            IntStream.of(f.test()).forEach(all::add);
            assertEquals(10, f.train().length + f.test().length);
            assertTrue(IntStream.of(f.train()).noneMatch(i -> IntStream.of(f.test()).anyMatch(j -> j == i)));
        }
        assertEquals(IntStream.range(0, 10).boxed().toList(), all.stream().sorted().toList());
        List<KFold.Fold> shuffled = new KFold(3, true, 9).split(10);
        assertEquals(10, shuffled.stream().mapToInt(f -> f.test().length).sum());
    }

    @Test
    void distributionsStayInTheirRanges() {
        SplittableRandom r = new SplittableRandom(0);
        for (int i = 0; i < 500; i++) {
            double lr = (Double) Distribution.reciprocal(3e-4, 3e-2).sample(r);
            int n = (Integer) Distribution.randint(0, 4).sample(r);
            double u = (Double) Distribution.uniform(-1, 1).sample(r);
            assertTrue(lr >= 3e-4 && lr <= 3e-2 && n >= 0 && n < 4 && u >= -1 && u < 1);
        }
    }
}
