package dev.nn.api.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.OpNode;
import dev.nn.api.OpType;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Input;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three APIs trace to the same op graph, which is what exporters walk. */
class ModelGraphTest {

    static final class Mlp extends Model {
        private final Dense hidden = new Dense(16, "relu");
        private final Dropout dropout = new Dropout(0.2);
        private final Dense output = new Dense(3, "softmax");

        Mlp() {
            super("mlp");
        }

        @Override
        protected Tensor call(Tensor x, boolean training) {
            return output.apply(List.of(dropout.apply(List.of(hidden.apply(List.of(x), training)), training)), training);
        }
    }

    private static Functional functionalMlp() {
        Tensor in = Input.of(8);
        Tensor h = new Dropout(0.2).apply(new Dense(16, "relu").apply(in));
        return new Functional(in, new Dense(3, "softmax").apply(h));
    }

    @Test
    void sequentialFunctionalAndSubclassedModelsTraceToTheSameOps() {
        Sequential sequential = new Sequential(new InputLayer(8), new Dense(16, "relu"), new Dropout(0.2), new Dense(3, "softmax"));
        Functional functional = functionalMlp();
        Mlp subclassed = new Mlp();
        subclassed.buildFor(List.of(new int[] {-1, 8}));

        List<OpType> expected = ModelGraph.trace(sequential).opTypes();
        assertEquals(expected, ModelGraph.trace(functional).opTypes());
        assertEquals(expected, ModelGraph.trace(subclassed).opTypes());
        assertEquals(OpType.INPUT, expected.get(0));
        assertTrue(expected.contains(OpType.DENSE), expected.toString());

        for (Model m : List.of(sequential, functional, subclassed)) {
            ModelGraph g = ModelGraph.trace(m);
            assertEquals(List.of("dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"),
                    g.variables().stream().map(Variable::name).toList(), m.name());
            assertArrayEquals(new int[] {-1, 3}, g.outputs().get(0).shape());
            OpNode last = g.outputs().get(0).producer();
            assertSame(g.nodes().get(g.nodes().size() - 1), last);
            assertTrue(last.name().startsWith("dense_1/"), last.name());
        }
    }

    @Test
    void aTracedGraphHasOnePlaceholderPerNamedInput() {
        ModelGraph g = ModelGraph.trace(WideAndDeep.withAuxOutput());
        assertEquals(List.of("input_wide", "input_deep"), g.inputs().stream().map(t -> t.producer().name()).toList());
        assertEquals(2, g.outputs().size());
        assertTrue(g.opTypes().contains(OpType.CONCAT), g.opTypes().toString());
        assertEquals(8, g.variables().size());
    }

    @Test
    void anUnbuiltModelCannotBeTraced() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelGraph.trace(new Mlp()));
        assertTrue(e.getMessage().contains("buildFor"), e.getMessage());
    }

    @Test
    void plotsAreWrittenAsDotAndAsImagesWhenGraphvizIsThere(@TempDir Path dir) throws Exception {
        Functional m = WideAndDeep.withAuxOutput();
        Path dot = dir.resolve("model.dot");
        ModelPlot.plotModel(m, dot, true);
        String text = Files.readString(dot);
        assertTrue(text.startsWith("digraph \"functional\""), text);
        assertTrue(text.contains("concatenate (Concatenate)") && text.contains("(None, 35)"), text);
        assertTrue(text.contains("input_0 -> layer_2;") && text.contains("layer_1 -> layer_4;"), text);
        assertTrue(text.contains("input_wide (InputLayer)"), text);

        String plain = ModelPlot.dot(new ResidualStackAsPlotted().model(), false);
        assertTrue(plain.contains("input_layer (InputLayer)") && !plain.contains("(None"), plain);

        if (graphvizInstalled()) {
            Path png = dir.resolve("model.png");
            ModelPlot.plotModel(m, png, true);
            byte[] head = Files.readAllBytes(png);
            assertTrue(head.length > 8 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
            Path svg = dir.resolve("model.svg");
            ModelPlot.plotModel(m, svg, false);
            assertTrue(Files.readString(svg).contains("<svg"));
        }
    }

    /** A subclassed model with plain ops between layers, for the plot. */
    private static final class ResidualStackAsPlotted {
        Model model() {
            SubclassingTest.ResidualStack m = new SubclassingTest.ResidualStack(true);
            m.buildFor(List.of(new int[] {-1, 4}));
            return m;
        }
    }

    private static boolean graphvizInstalled() {
        try {
            return new ProcessBuilder("dot", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void concatenateShorthandJoinsAlongTheLastAxis() {
        Tensor a = Tensor.of(new float[] {1, 2}, 1, 2);
        Tensor b = Tensor.of(new float[] {3}, 1, 1);
        assertArrayEquals(new float[] {1, 2, 3}, Layers.concatenate(a, b).toArray());
        assertArrayEquals(new float[] {2, 4}, Layers.average(Tensor.of(new float[] {1, 3}, 1, 2),
                Tensor.of(new float[] {3, 5}, 1, 2)).toArray());
    }
}
