package dev.nn.api.models;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.lossWeights;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Layer;
import dev.nn.api.optimizers.SGD;
import dev.nn.api.testing.GradientCheck;
import dev.nn.api.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubclassingTest {

    @Test
    void wideAndDeepModelFindsItsLayersWhenBuilt() {
        WideAndDeepModel m = new WideAndDeepModel(30, "relu");
        assertFalse(m.isBuilt());
        IllegalStateException e = assertThrows(IllegalStateException.class, m::summary);
        assertTrue(e.getMessage().contains("not been built"), e.getMessage());
        m.buildFor(List.of(new int[] {-1, 5}, new int[] {-1, 6}));
        assertEquals(List.of("dense", "dense_1", "concatenate", "main_output", "aux_output"),
                m.layers().stream().map(Layer::name).toList());
        assertEquals(List.of("main_output", "aux_output"), m.outputNames());
        assertEquals(6 * 30 + 30 + 930 + 36 + 31, m.countParams());
        assertEquals("dense_1/kernel", ((Dense) m.getLayer("dense_1")).kernel().name());
        String s = m.summary();
        assertTrue(s.contains("Model: \"wide_and_deep\""), s);
        assertTrue(s.contains("dense_1 (Dense)") && s.contains("(None, 35)") && s.contains("Total params: 1,207"), s);
        assertFalse(s.contains("Connected to"), s);
    }

    @Test
    void wideAndDeepModelTrainsEvaluatesAndPredictsBothOutputs() {
        WideAndDeep.Data train = WideAndDeep.data(256, 7);
        WideAndDeep.Data test = WideAndDeep.data(64, 8);
        WideAndDeepModel m = new WideAndDeepModel(30, "relu");
        m.seed(4);
        m.compile(loss("mse"), lossWeights(0.9, 0.1), optimizer(new SGD(1e-2)));
        History h = m.fit(Map.of("input_wide", train.wide(), "input_deep", train.deep()),
                Map.of("main_output", train.y(), "aux_output", train.y()), epochs(10), verbose(0));
        assertTrue(h.history().keySet().containsAll(List.of("loss", "main_output_loss", "aux_output_loss")), h.history().toString());
        assertTrue(h.last("loss") < 0.5 * h.get("loss").get(0), h.history().toString());

        Map<String, Double> eval = m.evaluate(List.of(test.wide(), test.deep()), List.of(test.y(), test.y()), verbose(0));
        assertEquals(List.of("loss", "main_output_loss", "aux_output_loss"), List.copyOf(eval.keySet()));
        assertEquals(0.9 * eval.get("main_output_loss") + 0.1 * eval.get("aux_output_loss"), eval.get("loss"), 1e-5);

        List<Tensor> yPred = m.predict(List.of(test.wide(), test.deep()));
        assertEquals(2, yPred.size());
        assertArrayEquals(new int[] {64, 1}, yPred.get(0).shape());
        assertArrayEquals(new int[] {64, 1}, yPred.get(1).shape());
    }

    @Test
    void theSameSeedGivesTheSameTraining() {
        WideAndDeep.Data d = WideAndDeep.data(64, 9);
        List<List<Double>> losses = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            WideAndDeepModel m = new WideAndDeepModel(8, "relu");
            m.seed(12);
            m.compile(loss("mse"), optimizer(new SGD(1e-2)));
            losses.add(m.fit(List.of(d.wide(), d.deep()), List.of(d.y(), d.y()), epochs(2), verbose(0)).get("loss"));
        }
        assertEquals(losses.get(0), losses.get(1));
    }

    /** Plain Java in call: a loop over a list of layers, a condition, and a plain op between layers. */
    static final class ResidualStack extends Model {
        private final List<Dense> blocks = List.of(new Dense(4, "tanh"), new Dense(4, "tanh"), new Dense(4, "tanh"));
        private final Dense head = new Dense(1);
        private final boolean skip;

        ResidualStack(boolean skip) {
            super("residual_stack");
            this.skip = skip;
        }

        @Override
        protected Tensor call(Tensor x, boolean training) {
            for (Dense block : blocks) {
                Tensor y = block.apply(List.of(x), training);
                x = skip ? Ops.add(x, y) : y;
            }
            return head.apply(List.of(x), training);
        }
    }

    @Test
    void loopsConditionsAndPlainOpsInCallAreTracked() {
        ResidualStack m = new ResidualStack(true);
        m.buildFor(List.of(new int[] {-1, 4}));
        assertEquals(List.of("dense", "dense_1", "dense_2", "dense_3"), m.layers().stream().map(Layer::name).toList());
        assertEquals(3 * 20 + 5, m.countParams());
        m.seed(3);
        Tensor x = new TestData(5).uniform(-1, 1, 6, 4);
        GradientCheck.ofVariables(() -> m.forward(List.of(x), true).get(0)).checkVariables(m.trainableWeights());

        m.compile(loss("mse"), optimizer(new SGD(1e-2)));
        History h = m.fit(x, Ops.mean(x, 1, true), epochs(30), verbose(0));
        assertTrue(h.last("loss") < h.get("loss").get(0), h.history().toString());
        assertArrayEquals(new int[] {6, 1}, m.predict(x).shape());
    }

    @Test
    void aModelThatOverridesNoCallSaysWhatToOverride() {
        Model empty = new Model("empty") {
        };
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> empty.buildFor(List.of(new int[] {-1, 2})));
        assertTrue(e.getMessage().contains("call(Tensor, boolean)"), e.getMessage());
    }

    @Test
    void dataByNameNeedsKnownInputNames() {
        ResidualStack m = new ResidualStack(false);
        m.compile(loss("mse"), optimizer("sgd"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> m.fit(Map.of("x", Tensor.zeros(2, 4)), Map.of("y", Tensor.zeros(2, 1))));
        assertTrue(e.getMessage().contains("override inputNames()"), e.getMessage());
    }
}
