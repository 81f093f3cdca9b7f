package dev.nn.api.saving;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.activations.Activations;
import dev.nn.api.initializers.Initializers;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Normalization;
import dev.nn.api.losses.Losses;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.RMSprop;
import dev.nn.api.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in layer, nesting, compile settings and a subclassed model survive save and load. */
class RoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyBuiltInLayerRoundTrips() {
        Tensor x = new TestData(2).normal(3f, 16, 2, 4);
        Normalization norm = new Normalization();
        norm.adapt(x);
        Sequential inner = new Sequential("block", List.of(new Dense(5, "tanh"), new Activation(Activations.elu(0.5f))));
        Sequential model = new Sequential(new InputLayer(2, 4), norm, new Flatten(),
                Dense.builder(6).name("hidden").activation(Activations.leakyRelu(0.1f)).useBias(false)
                        .kernelInitializer(Initializers.heNormal(5L)).biasInitializer(Initializers.constant(0.5f)).build(),
                new Dropout(0.3), inner, new Dense(3, "softmax"));
        model.layers().get(2).setTrainable(false);
        model.compile(loss(Losses.categoricalCrossentropy(true)), optimizer(new RMSprop(0.002, 0.8, 1e-6)), metrics("accuracy"));
        Path file = dir.resolve("all.nn");
        model.save(file);

        Model loaded = Models.load(file);
        assertEquals(model.summary(), loaded.summary());
        assertArrayEquals(model.predict(x).buffer(), loaded.predict(x).buffer());
        Dense hidden = (Dense) loaded.getLayer("hidden");
        assertEquals(0.1f, hidden.activation().alpha());
        assertFalse(hidden.useBias());
        assertEquals(Map.of("seed", 5L), hidden.kernelInitializer().config());
        assertEquals(Map.of("value", 0.5f), hidden.biasInitializer().config());
        assertFalse(hidden.trainable());
        assertEquals(0.3f, ((Dropout) loaded.getLayer("dropout")).rate());
        assertEquals(Map.of("from_logits", true), loaded.losses().get(0).config());
        RMSprop rms = (RMSprop) loaded.optimizer();
        assertEquals(0.002, rms.learningRate());
        assertEquals(0.8f, rms.rho());
        assertEquals(1e-6f, rms.epsilon());
        assertEquals("accuracy", loaded.compiledMetrics().get(0).get(0).name());
        assertEquals(model.seed(), loaded.seed());
    }

    @Test
    void aFunctionalModelWithASharedLayerMergesAndTwoOutputsRoundTrips() {
        Tensor wide = dev.nn.api.layers.Input.of("wide", 3);
        Tensor deep = dev.nn.api.layers.Input.of("deep", 4);
        Dense shared = new Dense(4, "relu");
        Tensor h = shared.apply(shared.apply(deep));
        Tensor sum = dev.nn.api.layers.Layers.add(h, deep);
        Tensor concat = new dev.nn.api.layers.Concatenate("concat", -1).apply(List.of(wide, sum));
        Tensor main = Dense.builder(1).name("main").build().apply(concat);
        Tensor aux = Dense.builder(1).name("aux").build().apply(dev.nn.api.layers.Layers.average(h, sum));
        dev.nn.api.models.Functional model = new dev.nn.api.models.Functional(List.of(wide, deep), List.of(main, aux), "wd");
        model.seed(9);
        model.compile(loss("mse"), dev.nn.api.models.CompileOptions.lossWeights(0.9, 0.1), optimizer("adam"));
        TestData data = new TestData(4);
        List<Tensor> xs = List.of(data.normal(1f, 5, 3), data.normal(1f, 5, 4));
        model.fit(xs, List.of(data.normal(1f, 5, 1), data.normal(1f, 5, 1)), dev.nn.api.models.FitOptions.verbose(0));
        Path file = dir.resolve("functional.nn");
        model.save(file);

        Model loaded = Models.load(file);
        assertEquals(model.summary(), loaded.summary());
        assertEquals(List.of("wide", "deep"), loaded.inputNames());
        assertEquals(List.of("main", "aux"), loaded.outputNames());
        List<Tensor> expected = model.predict(xs);
        List<Tensor> actual = loaded.predict(xs);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(expected.get(i).buffer(), actual.get(i).buffer());
        }
        assertArrayEquals(new double[] {0.9, 0.1}, loaded.lossWeights());
    }

    @Test
    void anUncompiledModelLoadsUncompiled() {
        Sequential model = new Sequential(new InputLayer(3), new Dense(2));
        Path file = dir.resolve("plain.nn");
        model.save(file);
        Model loaded = Models.load(file);
        assertFalse(loaded.isCompiled());
        assertArrayEquals(model.getWeights().get(0).buffer(), loaded.getWeights().get(0).buffer());
    }

    /** A subclassed model, known to the loader only through customObjects. */
    static final class Housing extends Sequential {
        Housing() {
            super("housing", List.of(new InputLayer(8), new Dense(4, "relu"), new Dense(1)));
        }
    }

    @Test
    void aSubclassedModelLoadsThroughCustomObjects() {
        Housing model = new Housing();
        model.compile(loss("mse"), optimizer("adam"));
        Path file = dir.resolve("housing.nn");
        model.save(file);

        ModelFileException e = assertThrows(ModelFileException.class, () -> Models.load(file));
        assertTrue(e.getMessage().contains("unknown layer or model class 'Housing'"), e.getMessage());
        Model loaded = Models.load(file, Map.of("Housing", Housing::new));
        assertTrue(loaded instanceof Housing);
        Tensor x = new TestData(4).normal(1f, 5, 8);
        assertArrayEquals(model.predict(x).buffer(), loaded.predict(x).buffer());
    }

    @Test
    void savingTheSameModelTwiceGivesTheSameBytes() throws Exception {
        Sequential model = Fixtures.regressor(new RMSprop());
        model.save(dir.resolve("a.nn"));
        model.save(dir.resolve("b.nn"));
        assertArrayEquals(java.nio.file.Files.readAllBytes(dir.resolve("a.nn")), java.nio.file.Files.readAllBytes(dir.resolve("b.nn")));
    }
}
