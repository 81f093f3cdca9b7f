package dev.nn.examples;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.validationData;

import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.SGD;
import dev.nn.io.tensorboard.RunDirectories;
import dev.nn.io.tensorboard.SummaryWriter;
import dev.nn.io.tensorboard.TensorBoard;
import java.nio.file.Path;
import java.util.Random;

/** TensorBoard logs: the callback during fit, and the summary writer for your own data. */
final class TensorBoardLogs implements Example {

    @Override
    public String name() {
        return "tensorboard";
    }

    @Override
    public String description() {
        return "TensorBoard event files: the TensorBoard callback and a SummaryWriter of scalars, histograms, images and text";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        HousingData d = HousingData.load(ctx.shortRun());
        Path root = ctx.file("my_logs");
        Path run = RunDirectories.newRun(root);
        Sequential model = new Sequential(new InputLayer(8), new Dense(30, "relu"), new Dense(30, "relu"), new Dense(1));
        model.seed(42);
        model.compile(loss("mse"), optimizer(new SGD(1e-3)));
        TensorBoard tensorBoard = TensorBoard.builder(run).histogramFreq(1).updateFreq(100).build();
        model.fit(d.xTrain(), d.train().y(), epochs(ctx.epochsOr(20, 2)), validationData(d.xValid(), d.valid().y()),
                callbacks(tensorBoard));

        Path custom = RunDirectories.newRun(root);
        try (SummaryWriter writer = SummaryWriter.create(custom)) {
            Random random = new Random(42);
            for (int step = 1; step <= 100; step++) {
                writer.scalar("my_scalar", Math.sin(step / 10.0), step);
                float[] data = new float[100];
                for (int i = 0; i < data.length; i++) {
                    data[i] = (float) (random.nextGaussian() * step / 100.0);
                }
                writer.histogram("my_hist", data, step);
                writer.text("my_text", "The step is " + step, step);
            }
        }
        ctx.out().println("Wrote TensorBoard logs to " + run.toAbsolutePath() + " and " + custom.toAbsolutePath());
        ctx.out().println("View them with: tensorboard --logdir " + root.toAbsolutePath());
    }
}
