package dev.nn.io.tensorboard;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.metrics;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.batchSize;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationSplit;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.History;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.io.tensorboard.proto.Event;
import dev.nn.io.tensorboard.proto.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardCallbackTest {
    @TempDir
    Path dir;

    @Test
    void logsLossMetricsLearningRateAndHistogramsPerEpochInTrainAndValidation() throws IOException {
        Sequential model = new Sequential(new InputLayer(3), new Dense(4, "relu"), new Dense(1));
        model.seed(1);
        model.compile(loss("mse"), optimizer("sgd"), metrics("mae"));
        float[] x = new float[40 * 3];
        float[] y = new float[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 7) / 7f;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = x[i * 3] - x[i * 3 + 1];
        }
        Path logDir = dir.resolve("run");
        TensorBoard tb = TensorBoard.builder(logDir).histogramFreq(1).updateFreq(2).build();
        History h = model.fit(Tensor.wrap(x, 40, 3), Tensor.wrap(y, 40, 1), epochs(3), batchSize(8),
                validationSplit(0.25), callbacks(tb), verbose(0));

        List<Summary.Value> train = values(logDir.resolve("train"));
        List<Summary.Value> valid = values(logDir.resolve("validation"));
        List<Float> epochLoss = new ArrayList<>();
        for (Summary.Value v : train) {
            if (v.getTag().equals("epoch_loss")) {
                epochLoss.add(v.getTensor().getFloatVal(0));
            }
        }
        assertEquals(3, epochLoss.size());
        assertEquals(h.get("loss").get(2), epochLoss.get(2), 1e-6);
        assertTrue(train.stream().anyMatch(v -> v.getTag().equals("epoch_mae")));
        assertTrue(train.stream().anyMatch(v -> v.getTag().equals("epoch_learning_rate")));
        assertTrue(train.stream().anyMatch(v -> v.getTag().equals("batch_loss")));
        assertEquals(3 * 4, train.stream().filter(v -> v.getTag().startsWith("dense") && v.hasHisto()).count());
        assertTrue(train.stream().anyMatch(v -> v.getTag().equals("model_summary")));
        dev.nn.io.tensorboard.proto.GraphDef graph = graphOf(logDir.resolve("train"));
        List<String> ops = graph.getNodeList().stream().map(n -> n.getName() + ":" + n.getOp()).toList();
        assertTrue(ops.contains("input_layer:Placeholder") && ops.contains("dense/kernel:VariableV2")
                && ops.contains("dense/dense:Dense") && ops.contains("dense_1/dense:Dense"), ops.toString());
        assertEquals(List.of("input_layer", "dense/kernel", "dense/bias"),
                graph.getNodeList().stream().filter(n -> n.getName().equals("dense/dense")).findFirst().orElseThrow().getInputList());
        assertEquals(3, valid.stream().filter(v -> v.getTag().equals("epoch_loss")).count());
        assertFalse(valid.stream().anyMatch(v -> v.getTag().startsWith("epoch_val_")));
    }

    private static dev.nn.io.tensorboard.proto.GraphDef graphOf(Path runDir) throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path f : files.toList()) {
                for (Event e : EventFileReader.read(f).events()) {
                    if (e.hasGraphDef()) {
                        return dev.nn.io.tensorboard.proto.GraphDef.parseFrom(e.getGraphDef());
                    }
                }
            }
        }
        throw new AssertionError("no graph in " + runDir);
    }

    private static List<Summary.Value> values(Path runDir) throws IOException {
        List<Summary.Value> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).toList()) {
                EventFileReader.Contents c = EventFileReader.read(f);
                assertFalse(c.truncated());
                for (Event e : c.events()) {
                    out.addAll(e.getSummary().getValueList());
                }
            }
        }
        return out;
    }
}
