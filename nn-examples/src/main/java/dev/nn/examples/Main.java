package dev.nn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code nn} command: runs the chapter's examples and works with saved models. */
@Command(name = "nn", mixinStandardHelpOptions = true, version = "nn 0.1.0",
        description = "nn: deep learning for Java. Runs the chapter's examples and works with saved models.",
        subcommands = {Main.Examples.class, Main.Run.class, ModelCommands.Summary.class, ModelCommands.Export.class,
                ModelCommands.Inspect.class, ModelCommands.Predict.class})
public final class Main implements Callable<Integer> {

    static final List<Example> EXAMPLES = List.of(new ActivationFunctions(), new PerceptronIris(), new Xor(),
            new FashionMnistClassifier(), new CaliforniaHousingRegression(), new WideAndDeep(), new Subclassing(),
            new SaveAndRestore(), new TensorBoardLogs(), new HyperparameterSearch(), new LearningRateFinderExample(),
            new MnistDeepMlp());

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** {@code nn examples}: one line per example. */
    @Command(name = "examples", mixinStandardHelpOptions = true, description = "List the examples.")
    static final class Examples implements Callable<Integer> {
        @Override
        public Integer call() {
            for (Example e : EXAMPLES) {
                System.out.printf("%-22s %s%n", e.name(), e.description());
            }
            return 0;
        }
    }

    /** {@code nn run NAME}: runs one example. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run one example (see 'nn examples').")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "the example to run")
        String name;

        @Option(names = "--short", description = "a short run: few epochs on a subset (for CI)")
        boolean shortRun;

        @Option(names = "--epochs", description = "epochs to train instead of the book's number")
        int epochs;

        @Option(names = "--batch-size", description = "examples per training step instead of the book's")
        int batchSize;

        @Option(names = "--out", description = "output directory (default: out/NAME)")
        Path out;

        @Override
        public Integer call() throws Exception {
            for (Example e : EXAMPLES) {
                if (e.name().equals(name)) {
                    Path dir = out != null ? out : Path.of("out", name);
                    e.run(new ExampleContext(dir, System.out, shortRun, epochs, batchSize));
                    return 0;
                }
            }
            PrintStream err = System.err;
            err.println("No example named '" + name + "'. Run 'nn examples' to list them.");
            return 2;
        }
    }
}
