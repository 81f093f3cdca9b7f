package dev.nn.api.models;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.classWeight;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.sampleWeight;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.Callback;
import dev.nn.api.callbacks.History;
import dev.nn.api.callbacks.ProgressBar;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.optimizers.SGD;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequentialApiTest {

    static Sequential fashionMlp() {
        return new Sequential(new InputLayer(28, 28), new Flatten(), new Dense(300, "relu"),
                new Dense(100, "relu"), new Dense(10, "softmax"));
    }

    @Test
    void summaryShowsTheBooksParameterCounts() {
        String s = fashionMlp().summary();
        assertTrue(s.contains("flatten (Flatten)"), s);
        assertTrue(s.contains("dense (Dense)") && s.contains("dense_1 (Dense)") && s.contains("dense_2 (Dense)"), s);
        assertTrue(s.contains("(None, 784)") && s.contains("(None, 300)") && s.contains("(None, 10)"), s);
        assertTrue(s.contains("235,500") && s.contains("30,100") && s.contains("1,010"), s);
        assertTrue(s.contains("Total params: 266,610"), s);
        assertTrue(s.contains("Trainable params: 266,610"), s);
        assertTrue(s.contains("Non-trainable params: 0"), s);
    }

    @Test
    void layersAreReachableByNameAndIndexWithTheirWeights() {
        Sequential m = fashionMlp();
        assertEquals(4, m.layers().size());
        Dense hidden1 = (Dense) m.getLayer("dense");
        assertEquals(hidden1, m.getLayer(1));
        List<Tensor> w = hidden1.getWeights();
        assertEquals(784, w.get(0).dim(0));
        assertEquals(300, w.get(0).dim(1));
        float[] bias = w.get(1).toArray();
        for (float b : bias) {
            assertEquals(0f, b);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.getLayer("nope"));
        assertTrue(e.getMessage().contains("dense_1"), e.getMessage());
    }

    @Test
    void fitBeforeCompileSaysWhatToDo() {
        Sequential m = new Sequential(new InputLayer(2), new Dense(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> m.fit(Tensor.zeros(4, 2), Tensor.zeros(4, 1)));
        assertTrue(e.getMessage().contains("compile"), e.getMessage());
    }

    @Test
    void inputOfTheWrongShapeNamesTheInputAndBothShapes() {
        Sequential m = fashionMlp();
        m.compile(loss("sparse_categorical_crossentropy"), optimizer("sgd"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Tensor.zeros(4, 784), Tensor.zeros(4), verbose(0)));
        assertTrue(e.getMessage().contains("input_layer") && e.getMessage().contains("(None, 28, 28)")
                && e.getMessage().contains("(4, 784)"), e.getMessage());
    }

    @Test
    void aLayerBuiltForOneShapeRejectsAnotherNamingTheLayer() {
        Dense d = new Dense(3);
        d.apply(Tensor.zeros(2, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.apply(Tensor.zeros(2, 4)));
        assertTrue(e.getMessage().contains("dense") && e.getMessage().contains("(None, 5)") && e.getMessage().contains("(2, 4)"),
                e.getMessage());
    }

    @Test
    void targetsThatDoNotFitTheOutputAreRejected() {
        Sequential m = new Sequential(new InputLayer(3), new Dense(4, "softmax"));
        m.compile(loss("categorical_crossentropy"), optimizer("sgd"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Tensor.zeros(5, 3), Tensor.zeros(5, 3), verbose(0)));
        assertTrue(e.getMessage().contains("(5, 3)") && e.getMessage().contains("(None, 4)"), e.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Tensor.zeros(5, 3), Tensor.zeros(4, 4), verbose(0)));
        assertTrue(rows.getMessage().contains("5 rows"), rows.getMessage());
    }

    @Test
    void labelsOutOfRangeAreReportedWithTheirRow() {
        Sequential m = new Sequential(new InputLayer(2), new Dense(3, "softmax"));
        m.compile(loss("sparse_categorical_crossentropy"), optimizer("sgd"));
        Tensor y = Tensor.vector(0, 1, 7, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Tensor.zeros(4, 2), y, verbose(0)));
        assertTrue(e.getMessage().contains("label 7.0 at row 2"), e.getMessage());
    }

    @Test
    void nanInInputsIsReportedBeforeTraining() {
        Sequential m = new Sequential(new InputLayer(2), new Dense(1));
        m.compile(loss("mse"), optimizer("sgd"));
        float[] x = new float[8];
        x[5] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Tensor.wrap(x, 4, 2), Tensor.zeros(4, 1), verbose(0)));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("row 2"), e.getMessage());
        assertEquals(0, m.optimizer().iterations(), "no step may run on bad data");
    }

    @Test
    void historyAndCallbacksSeeEveryHookWithLogs() {
        List<String> events = new ArrayList<>();
        Callback spy = new Callback() {
            @Override
            public void onTrainBegin(Map<String, Double> logs) {
                events.add("train_begin " + params().get("steps"));
            }

            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                events.add("epoch " + epoch + " " + logs.keySet());
            }

            @Override
            public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
                events.add("batch");
            }

            @Override
            public void onTestEnd(Map<String, Double> logs) {
                events.add("test_end");
            }

            @Override
            public void onTrainEnd(Map<String, Double> logs) {
                events.add("train_end");
            }
        };
        Sequential m = new Sequential(new InputLayer(2), new Dense(2, "softmax"));
        m.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(0.1)), metrics("accuracy"));
        Tensor x = Tensor.zeros(10, 2);
        Tensor y = Tensor.zeros(10);
        History h = m.fit(x, y, epochs(2), FitOptions.batchSize(4), FitOptions.validationData(x, y), callbacks(spy), verbose(0));
        assertEquals("train_begin 3", events.get(0));
        assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"),
                List.copyOf(h.history().keySet()));
        assertEquals(2, h.get("loss").size());
        assertEquals(1 + 2 * (3 + 1 + 1) + 1, events.size(), events.toString());
        assertEquals("train_end", events.get(events.size() - 1));
    }

    @Test
    void aCallbackCanStopTraining() {
        Callback stopper = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                if (epoch == 1) {
                    model().stopTraining();
                }
            }
        };
        Sequential m = new Sequential(new InputLayer(2), new Dense(1));
        m.compile(loss("mse"), optimizer("sgd"));
        History h = m.fit(Tensor.zeros(8, 2), Tensor.zeros(8, 1), epochs(10), callbacks(stopper), verbose(0));
        assertEquals(List.of(0, 1), h.epochs());
    }

    @Test
    void sampleAndClassWeightsChangeTheLoss() {
        Tensor x = Tensor.of(new float[][] {{1, 0}, {0, 1}});
        Tensor y = Tensor.vector(0, 1);
        Sequential m = new Sequential(new InputLayer(2), new Dense(2, "softmax"));
        m.seed(1);
        m.compile(loss("sparse_categorical_crossentropy"), optimizer(new SGD(1e-9)));
        double plain = m.fit(x, y, verbose(0), FitOptions.shuffle(false)).last("loss");
        double weighted = m.fit(x, y, verbose(0), FitOptions.shuffle(false), sampleWeight(Tensor.vector(2, 0))).last("loss");
        double byClass = m.fit(x, y, verbose(0), FitOptions.shuffle(false), classWeight(Map.of(0, 2.0, 1, 0.0))).last("loss");
        assertEquals(weighted, byClass, 1e-6);
        assertTrue(Math.abs(weighted - plain) > 1e-4, plain + " vs " + weighted);
    }

    @Test
    void progressBarPrintsOneLinePerEpochWhenNotATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Sequential m = new Sequential(new InputLayer(2), new Dense(1));
        m.compile(loss("mse"), optimizer("sgd"), metrics("mae"));
        m.fit(Tensor.zeros(64, 2), Tensor.zeros(64, 1), epochs(2), verbose(0),
                callbacks(new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false)));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length, String.join("\n", lines));
        assertEquals("Epoch 1/2", lines[0]);
        assertTrue(lines[1].startsWith("2/2 ━━━━━━━━━━━━━━━━━━━━") && lines[1].contains("- loss: 0.0000 - mae: 0.0000"), lines[1]);
    }
}
