package dev.nn.examples;

import dev.nn.api.OpType;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.models.Model;
import dev.nn.api.models.ModelGraph;
import dev.nn.api.saving.Models;
import dev.nn.backend.onnx.export.ExportOptions;
import dev.nn.backend.onnx.export.OnnxExporter;
import dev.nn.backend.onnx.inspect.ModelSummary;
import dev.nn.backend.onnx.inspect.OnnxInspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code nn} commands that work on saved models and ONNX files. */
final class ModelCommands {

    private ModelCommands() {
    }

    @Command(name = "summary", mixinStandardHelpOptions = true, description = "Print a saved model's layer table.")
    static final class Summary implements Callable<Integer> {
        @Parameters(paramLabel = "MODEL", description = "a model file written by model.save")
        Path model;

        @Override
        public Integer call() {
            System.out.print(Models.load(model).summary());
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export a saved model to ONNX.")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MODEL", description = "a model file written by model.save")
        Path model;

        @Parameters(index = "1", paramLabel = "OUT.onnx", description = "the ONNX file to write")
        Path out;

        @Option(names = "--opset", description = "ONNX opset, 17 to 21 (default 17)", defaultValue = "17")
        int opset;

        @Override
        public Integer call() throws IOException {
            Model m = Models.load(model);
            OnnxExporter.export(m, out, new ExportOptions(opset));
            System.out.println("Wrote " + out.toAbsolutePath() + " (opset " + opset + ", " + m.countParams() + " parameters)");
            return 0;
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Show the inputs, outputs, op counts and parameter count of an ONNX file or a saved model.")
    static final class Inspect implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "an .onnx file or a model file written by model.save")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrintStream out = System.out;
            if (isNnModel(file)) {
                Model m = Models.load(file);
                out.println("nn model '" + m.name() + "'");
                for (int i = 0; i < m.inputNames().size(); i++) {
                    out.println("  input  " + m.inputNames().get(i) + " " + Shapes.str(m.inputShapes().get(i)));
                }
                for (int i = 0; i < m.outputNames().size(); i++) {
                    out.println("  output " + m.outputNames().get(i) + " " + Shapes.str(m.outputShapes().get(i)));
                }
                Map<String, Integer> ops = new TreeMap<>();
                for (OpType t : ModelGraph.trace(m).opTypes()) {
                    if (t != OpType.INPUT) {
                        ops.merge(t.name(), 1, Integer::sum);
                    }
                }
                out.println("  ops    " + ops);
                out.printf(Locale.ROOT, "  params %,d%n", m.countParams());
            } else {
                ModelSummary s = new OnnxInspector().inspect(file);
                out.println("ONNX model, IR " + s.irVersion() + ", opset " + s.opset()
                        + (s.producer().isEmpty() ? "" : ", made by " + s.producer()));
                s.inputs().forEach(v -> out.println("  input  " + v));
                s.outputs().forEach(v -> out.println("  output " + v));
                out.println("  ops    " + s.opCounts());
                out.printf(Locale.ROOT, "  params %,d%n", s.parameterCount());
            }
            return 0;
        }
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = "Run a saved model on the rows of a CSV file (one example per row, no header) and print one row of outputs per example.")
    static final class Predict implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MODEL", description = "a model file written by model.save")
        Path model;

        @Parameters(index = "1", paramLabel = "INPUT.csv", description = "numbers separated by commas, one example per line")
        Path input;

        @Override
        public Integer call() throws IOException {
            Model m = Models.load(model);
            if (m.inputNames().size() != 1) {
                System.err.println("nn predict takes models with one input; '" + m.name() + "' has " + m.inputNames());
                return 2;
            }
            int[] shape = m.inputShapes().get(0);
            int width = Shapes.tailSize(shape);
            List<float[]> rows = new ArrayList<>();
            int lineNo = 0;
            for (String line : Files.readAllLines(input)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != width) {
                    System.err.printf("%s:%d: %d values, the model's input %s takes %d per example%n", input, lineNo,
                            cells.length, Shapes.str(shape), width);
                    return 2;
                }
                float[] row = new float[width];
                for (int j = 0; j < width; j++) {
                    try {
                        row[j] = Float.parseFloat(cells[j].trim());
                    } catch (NumberFormatException e) {
                        System.err.printf("%s:%d: value %d, '%s', is not a number%n", input, lineNo, j + 1, cells[j].trim());
                        return 2;
                    }
                }
                rows.add(row);
            }
            float[] data = new float[rows.size() * width];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, data, i * width, width);
            }
            int[] batch = shape.clone();
            batch[0] = rows.size();
            for (Tensor out : m.predict(List.of(Tensor.wrap(data, batch)))) {
                int w = out.rowSize();
                float[] v = out.buffer();
                for (int i = 0; i < out.dim(0); i++) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < w; j++) {
                        sb.append(j == 0 ? "" : ",").append(v[i * w + j]);
                    }
                    System.out.println(sb);
                }
            }
            return 0;
        }
    }

    /** nn's model files are safetensors: an 8-byte header length, then JSON beginning with '{'. */
    private static boolean isNnModel(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(9);
            return head.length == 9 && head[8] == '{';
        }
    }
}
