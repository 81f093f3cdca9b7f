package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The nn command's subcommands, run in-process on a small saved model. */
class CommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private Path model;

    @BeforeEach
    void setUp() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Sequential m = new Sequential(new InputLayer(3), new Dense(4, "relu"), new Dense(2, "softmax"));
        m.seed(1);
        m.compile(loss("sparse_categorical_crossentropy"), optimizer("sgd"));
        model = dir.resolve("small.nn");
        m.save(model);
    }

    @AfterEach
    void tearDown() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void examplesListsEveryExample() {
        assertEquals(0, run("examples"));
        for (Example e : Main.EXAMPLES) {
            assertTrue(stdout().contains(e.name()), stdout());
        }
    }

    @Test
    void summaryPrintsTheLayerTable() {
        assertEquals(0, run("summary", model.toString()));
        assertTrue(stdout().contains("Total params: 26"), stdout());
    }

    @Test
    void exportThenInspectTheOnnxFile() {
        Path onnx = dir.resolve("small.onnx");
        assertEquals(0, run("export", model.toString(), onnx.toString()));
        assertTrue(Files.exists(onnx));
        assertEquals(0, run("inspect", onnx.toString()));
        assertTrue(stdout().contains("opset 17") && stdout().contains("Gemm=2") && stdout().contains("params 26"), stdout());
        assertEquals(0, run("inspect", model.toString()));
        assertTrue(stdout().contains("nn model 'sequential'") && stdout().contains("{DENSE=2, SOFTMAX=1}"), stdout());
    }

    @Test
    void predictPrintsOneRowPerExampleAndNamesBadLines() throws Exception {
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "1,2,3\n\n0,0,0\n");
        assertEquals(0, run("predict", model.toString(), csv.toString()));
        String[] lines = stdout().trim().split("\n");
        assertEquals(2, lines.length, stdout());
        float sum = 0;
        for (String v : lines[0].split(",")) {
            sum += Float.parseFloat(v);
        }
        assertEquals(1f, sum, 1e-5f);
        Files.writeString(csv, "1,2\n");
        assertEquals(2, run("predict", model.toString(), csv.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("in.csv:1: 2 values"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownExampleSaysWhatToDo() {
        assertEquals(2, run("run", "nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nn examples"));
    }
}
