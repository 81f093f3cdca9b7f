package dev.nn.api.data;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.data.Dataset.Element;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetTest {

    static Tensor range(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return Tensor.wrap(v, n, 1);
    }

    static List<Float> firstInputs(Dataset d, int epoch) {
        List<Float> out = new ArrayList<>();
        d.iterator(epoch).forEachRemaining(e -> {
            for (float f : e.x().get(0).toArray()) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void slicesBatchesAndKeepsTheRemainder() {
        Dataset d = Dataset.fromTensors(range(10), range(10)).batch(4);
        List<Element> batches = d.toList();
        assertEquals(3, batches.size());
        assertArrayEquals(new int[] {4, 1}, batches.get(0).x().get(0).shape());
        assertArrayEquals(new float[] {8, 9}, batches.get(2).y().get(0).toArray());
        assertEquals(2, Dataset.fromTensors(range(10), range(10)).batch(4, true).toList().size());
    }

    @Test
    void shuffleIsSeededDiffersPerEpochAndKeepsEveryElement() {
        Dataset d = Dataset.fromTensors(range(50), range(50)).shuffle(50, 7);
        List<Float> e0 = firstInputs(d, 0);
        assertEquals(e0, firstInputs(Dataset.fromTensors(range(50), range(50)).shuffle(50, 7), 0));
        assertNotEquals(e0, firstInputs(d, 1));
        assertNotEquals(firstInputs(Dataset.fromTensors(range(50)), 0), e0);
        List<Float> sorted = new ArrayList<>(e0);
        sorted.sort(null);
        assertEquals(firstInputs(Dataset.fromTensors(range(50)), 0), sorted);
        // a small buffer still emits every element exactly once
        List<Float> small = new ArrayList<>(firstInputs(Dataset.fromTensors(range(50)).shuffle(4, 1), 0));
        small.sort(null);
        assertEquals(sorted, small);
    }

    @Test
    void mapRepeatTakeAndSkip() {
        Dataset base = Dataset.fromTensors(range(5));
        Dataset doubled = base.map(e -> new Element(List.of(dev.nn.api.Ops.mul(e.x().get(0), 2f)), e.y(), null));
        assertEquals(List.of(0f, 2f, 4f, 6f, 8f), firstInputs(doubled, 0));
        assertEquals(List.of(0f, 1f, 2f, 3f, 4f, 0f, 1f, 2f, 3f, 4f), firstInputs(base.repeat(2), 0));
        assertEquals(List.of(1f, 2f), firstInputs(base.skip(1).take(2), 0));
    }

    @Test
    void prefetchGivesTheSameElementsAndPassesErrorsOn() {
        Dataset d = Dataset.fromTensors(range(100)).batch(7);
        assertEquals(firstInputs(d, 0), firstInputs(d.prefetch(2), 0));
        Dataset failing = Dataset.fromIterator(epoch -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Element next() {
                throw new IllegalStateException("disk on fire");
            }
        }, true).prefetch(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.iterator(0).hasNext());
        assertEquals("disk on fire", e.getMessage());
    }

    @Test
    void fitEvaluateAndPredictAcceptDatasets() {
        int n = 256;
        float[] x = new float[n * 2];
        float[] y = new float[n];
        java.util.Random r = new java.util.Random(0);
        for (int i = 0; i < n; i++) {
            x[i * 2] = (float) r.nextGaussian();
            x[i * 2 + 1] = (float) r.nextGaussian();
            y[i] = x[i * 2] - 2 * x[i * 2 + 1];
        }
        Tensor xs = Tensor.wrap(x, n, 2);
        Tensor ys = Tensor.wrap(y, n, 1);
        Sequential m = new Sequential(new InputLayer(2), new Dense(1));
        m.seed(3);
        m.compile(loss("mse"), optimizer(new SGD(0.1)), metrics("mae"));
        Dataset train = Dataset.fromTensors(xs, ys).shuffle(n, 1).batch(16).prefetch(2);
        History h = m.fit(train, epochs(5), validationData(Dataset.fromTensors(xs, ys).batch(64)), verbose(0));
        assertTrue(h.last("loss") < 1e-3, "loss " + h.last("loss"));
        assertTrue(h.history().containsKey("val_mae"));
        Map<String, Double> eval = m.evaluate(Dataset.fromTensors(xs, ys).batch(50));
        assertEquals(m.evaluate(xs, ys).get("loss"), eval.get("loss"), 1e-6);
        Tensor p = m.predict(Dataset.fromTensors(xs).batch(100)).get(0);
        assertArrayEquals(m.predict(xs).toArray(), p.toArray(), 1e-6f);
    }

    @Test
    void anUnbatchedDatasetIsRefusedWithAHint() {
        Sequential m = new Sequential(new InputLayer(1), new Dense(1));
        m.compile(loss("mse"), optimizer("sgd"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Dataset.fromTensors(range(4), range(4)), verbose(0)));
        assertTrue(e.getMessage().contains(".batch("), e.getMessage());
    }
}
