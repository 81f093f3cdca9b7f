package dev.nn.api.models;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.lossWeights;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Add;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Input;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.Layers;
import dev.nn.api.optimizers.SGD;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionalApiTest {

    @Test
    void wideAndDeepHasTheBooksParameterCountAndNames() {
        Functional m = WideAndDeep.oneInput();
        assertEquals(1239, m.countParams());
        assertEquals(List.of("input_layer", "dense", "dense_1", "concatenate", "dense_2"),
                m.layers().stream().map(Layer::name).toList());
        assertEquals(List.of("input_layer"), m.inputNames());
        assertEquals(List.of("dense_2"), m.outputNames());
        assertEquals("dense_1/kernel", ((Dense) m.getLayer("dense_1")).kernel().name());
        assertArrayEquals(new int[] {-1, 38}, m.layerOutputShape(m.getLayer("concatenate")));
    }

    @Test
    void summaryHasAConnectedToColumnAndTheInputLayer() {
        String s = WideAndDeep.oneInput().summary();
        assertTrue(s.contains("Connected to"), s);
        assertTrue(s.contains("input_layer") && s.contains("(InputLayer)"), s);
        assertTrue(s.matches("(?s).*│ dense_1 \\(Dense\\) +│ \\(None, 30\\) +│ +930 │ dense\\[0\\]\\[0\\] +│.*"), s);
        assertTrue(s.contains("input_layer[0][0],") && s.contains("dense_1[0][0]"), s);
        assertTrue(s.contains("(None, 38)"), s);
        assertTrue(s.contains("Total params: 1,239"), s);
    }

    @Test
    void twoInputsAndAnAuxiliaryOutputHaveTheirParameterCounts() {
        assertEquals(6 * 30 + 30 + 930 + 36, WideAndDeep.twoInputs().countParams());
        Functional aux = WideAndDeep.withAuxOutput();
        assertEquals(6 * 30 + 30 + 930 + 36 + 31, aux.countParams());
        assertEquals(List.of("input_wide", "input_deep"), aux.inputNames());
        assertEquals(List.of("output", "aux_output"), aux.outputNames());
    }

    @Test
    void aSharedLayerKeepsOneSetOfWeightsAndCountsOnce() {
        Tensor a = Input.of("a", 4);
        Tensor b = Input.of("b", 4);
        Dense shared = new Dense(3, "tanh");
        Tensor out = new Add().apply(List.of(shared.apply(a), shared.apply(b)));
        Functional m = new Functional(List.of(a, b), List.of(out), "siamese");
        assertEquals(4 * 3 + 3, m.countParams());
        assertEquals(2, m.trainableWeights().size());
        String s = m.summary();
        assertTrue(s.contains("a[0][0], b[0][0]"), s);
        assertTrue(s.contains("dense[0][0],") && s.contains("dense[1][0]"), s);

        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 4);
        Tensor y = m.forward(List.of(x, x), false).get(0);
        Tensor once = shared.apply(x);
        assertArrayEquals(Ops.add(once, once).toArray(), y.toArray(), 1e-6f);
    }

    @Test
    void aSkipConnectionAddsTheInputBack() {
        Tensor in = Input.of(3);
        Tensor h = Dense.builder(3).kernelInitializer("zeros").build().apply(in);
        Functional m = new Functional(in, Layers.add(in, h));
        Tensor x = Tensor.of(new float[] {1, -2, 3}, 1, 3);
        assertArrayEquals(x.toArray(), m.forward(List.of(x), false).get(0).toArray(), 0f);
    }

    @Test
    void concatenatingIncompatibleShapesNamesBothLayersAndShapes() {
        Tensor in = Input.of("features", 4);
        Tensor a = Dense.builder(5).name("left").build().apply(in);
        Tensor b = Ops.reshape(Dense.builder(6).name("right").build().apply(in), -1, 3, 2);
        Tensor b3 = new dev.nn.api.layers.Activation("linear").apply(Input.of("cube", 3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layers.concatenate(a, b3));
        String msg = e.getMessage();
        assertTrue(msg.contains("'concatenate'") && msg.contains("'left'") && msg.contains("'activation'"), msg);
        assertTrue(msg.contains("(None, 5)") && msg.contains("(None, 3, 2)"), msg);
        assertTrue(b.isSymbolic());
    }

    @Test
    void addingDifferentShapesNamesBothLayersAndShapes() {
        Tensor in = Input.of(8);
        Tensor a = Dense.builder(30).name("hidden_a").build().apply(in);
        Tensor b = Dense.builder(20).name("hidden_b").build().apply(in);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layers.add(a, b));
        String msg = e.getMessage();
        assertTrue(msg.contains("'add' (Add)") && msg.contains("'hidden_a'") && msg.contains("'hidden_b'"), msg);
        assertTrue(msg.contains("(None, 30)") && msg.contains("(None, 20)"), msg);
    }

    @Test
    void reusingALayerOnAnotherShapeNamesTheLayerThatMadeTheInput() {
        Tensor in = Input.of(8);
        Dense shared = Dense.builder(4).name("shared").build();
        shared.apply(in);
        Tensor other = Dense.builder(3).name("narrow").build().apply(in);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> shared.apply(other));
        assertTrue(e.getMessage().contains("'shared'") && e.getMessage().contains("'narrow'")
                && e.getMessage().contains("(None, 3)") && e.getMessage().contains("(None, 8)"), e.getMessage());
    }

    @Test
    void plainOpsBetweenLayersAndForeignInputsAreRejected() {
        Tensor in = Input.of(2);
        Tensor raw = Ops.relu(new Dense(2).apply(in));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Functional(in, raw));
        assertTrue(e.getMessage().contains("not the output of a layer"), e.getMessage());

        Tensor other = Input.of("other", 2);
        Tensor out = new Dense(1).apply(other);
        e = assertThrows(IllegalArgumentException.class, () -> new Functional(in, out));
        assertTrue(e.getMessage().contains("input 'other'"), e.getMessage());
    }

    @Test
    void twoLayersWithTheSameExplicitNameAreRejected() {
        Tensor in = Input.of(2);
        Tensor a = Dense.builder(2).name("twin").build().apply(in);
        Tensor b = Dense.builder(2).name("twin").build().apply(a);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Functional(in, b));
        assertTrue(e.getMessage().contains("'twin'"), e.getMessage());
    }

    @Test
    void theSeedDecidesTheInitialWeights() {
        Functional m1 = WideAndDeep.oneInput();
        Functional m2 = WideAndDeep.oneInput();
        m1.seed(7);
        m2.seed(7);
        assertArrayEquals(m1.getWeights().get(0).toArray(), m2.getWeights().get(0).toArray(), 0f);
    }

    @Test
    void wideAndDeepTrainsOnSyntheticData() {
        Functional m = WideAndDeep.oneInput();
        m.seed(42);
        m.compile(loss("mse"), optimizer(new SGD(1e-2)), metrics("rmse"));
        WideAndDeep.Data train = WideAndDeep.data(512, 1);
        WideAndDeep.Data valid = WideAndDeep.data(128, 2);
        History h = m.fit(train.x(), train.y(), epochs(10), validationData(valid.x(), valid.y()), verbose(0));
        assertEquals(List.of("loss", "rmse", "val_loss", "val_rmse"),
                List.copyOf(h.history().keySet()));
        assertTrue(h.last("loss") < 0.5 * h.get("loss").get(0), h.history().toString());
        assertTrue(h.last("val_loss") < 0.2, h.history().toString());
    }

    @Test
    void twoInputsTrainByPositionAndByNameAlike() {
        WideAndDeep.Data d = WideAndDeep.data(256, 3);
        Functional byPosition = WideAndDeep.twoInputs();
        Functional byName = WideAndDeep.twoInputs();
        for (Functional m : List.of(byPosition, byName)) {
            m.seed(5);
            m.compile(loss("mse"), optimizer(new SGD(1e-2)));
        }
        History a = byPosition.fit(List.of(d.wide(), d.deep()), List.of(d.y()), epochs(3), verbose(0));
        History b = byName.fit(Map.of("input_deep", d.deep(), "input_wide", d.wide()), Map.of("dense_2", d.y()),
                epochs(3), verbose(0));
        assertEquals(a.get("loss"), b.get("loss"));
        assertTrue(a.last("loss") < a.get("loss").get(0));
    }

    @Test
    void unknownOrMissingNamesListTheModelsNames() {
        Functional m = WideAndDeep.withAuxOutput();
        m.compile(loss("mse"), optimizer("sgd"));
        WideAndDeep.Data d = WideAndDeep.data(8, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(Map.of("wide", d.wide(), "input_deep", d.deep()), Map.of("output", d.y(), "aux_output", d.y())));
        assertTrue(e.getMessage().contains("no input named ['wide']") && e.getMessage().contains("'input_wide', 'input_deep'"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> m.evaluate(Map.of("input_wide", d.wide(), "input_deep", d.deep()), Map.of("output", d.y())));
        assertTrue(e.getMessage().contains("no data for output 'aux_output'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.predict(Map.of("input_wide", d.wide())));
        assertTrue(e.getMessage().contains("'input_deep'"), e.getMessage());
    }

    @Test
    void dataOfTheWrongShapeNamesTheInput() {
        Functional m = WideAndDeep.twoInputs();
        m.compile(loss("mse"), optimizer("sgd"));
        WideAndDeep.Data d = WideAndDeep.data(8, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.fit(List.of(d.deep(), d.wide()), List.of(d.y()), verbose(0)));
        assertTrue(e.getMessage().contains("'input_wide'") && e.getMessage().contains("(None, 5)"), e.getMessage());
    }

    @Test
    void anAuxiliaryOutputLogsEachLossAndMetricByOutputName() {
        Functional m = WideAndDeep.withAuxOutput();
        m.seed(3);
        m.compile(loss("mse"), lossWeights(0.9, 0.1), optimizer(new SGD(1e-2)), metrics("rmse"));
        WideAndDeep.Data train = WideAndDeep.data(256, 5);
        WideAndDeep.Data valid = WideAndDeep.data(64, 6);
        Map<String, Tensor> x = Map.of("input_wide", train.wide(), "input_deep", train.deep());
        Map<String, Tensor> y = Map.of("output", train.y(), "aux_output", train.y());
        History h = m.fit(x, y, epochs(5), verbose(0), validationData(
                Map.of("input_wide", valid.wide(), "input_deep", valid.deep()),
                Map.of("output", valid.y(), "aux_output", valid.y())));
        assertEquals(List.of("loss", "output_loss", "aux_output_loss", "output_rmse", "aux_output_rmse",
                        "val_loss", "val_output_loss", "val_aux_output_loss", "val_output_rmse", "val_aux_output_rmse"),
                List.copyOf(h.history().keySet()));

        Map<String, Double> eval = m.evaluate(List.of(valid.wide(), valid.deep()), List.of(valid.y(), valid.y()), verbose(0));
        assertEquals(List.of("loss", "output_loss", "aux_output_loss", "output_rmse", "aux_output_rmse"),
                List.copyOf(eval.keySet()));
        assertEquals(0.9 * eval.get("output_loss") + 0.1 * eval.get("aux_output_loss"), eval.get("loss"), 1e-5);

        List<Tensor> predictions = m.predict(List.of(valid.wide(), valid.deep()));
        assertEquals(2, predictions.size());
        assertArrayEquals(new int[] {64, 1}, predictions.get(0).shape());
        assertArrayEquals(new int[] {64, 1}, predictions.get(1).shape());
    }

    @Test
    void lossWeightsAndMetricsCanBeGivenByOutputName() {
        Functional m = WideAndDeep.withAuxOutput();
        m.compile(loss("mse"), lossWeights(Map.of("output", 0.9, "aux_output", 0.1)), optimizer("sgd"),
                metrics(Map.of("aux_output", List.of("mae"))));
        WideAndDeep.Data d = WideAndDeep.data(16, 9);
        Map<String, Double> eval = m.evaluate(List.of(d.wide(), d.deep()), List.of(d.y(), d.y()), verbose(0));
        assertEquals(List.of("loss", "output_loss", "aux_output_loss", "aux_output_mae"), List.copyOf(eval.keySet()));
        assertEquals(0.9 * eval.get("output_loss") + 0.1 * eval.get("aux_output_loss"), eval.get("loss"), 1e-5);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.compile(loss("mse"), optimizer("sgd"), lossWeights(Map.of("main", 1.0))));
        assertTrue(e.getMessage().contains("'main'") && e.getMessage().contains("[output, aux_output]"), e.getMessage());
    }

    @Test
    void aFunctionalModelCanBeALayerOfAnother() {
        Tensor in = Input.of(4);
        Functional inner = new Functional(List.of(in), List.of(new Dense(2).apply(in)), "inner");
        Tensor outer = Input.of(4);
        Tensor out = new Dense(1).apply(inner.apply(outer));
        Functional m = new Functional(List.of(outer), List.of(out), "outer");
        assertEquals(4 * 2 + 2 + 3, m.countParams());
        assertSame(inner, m.getLayer("inner"));
        assertTrue(m.getLayer(0) instanceof InputLayer);
    }
}
