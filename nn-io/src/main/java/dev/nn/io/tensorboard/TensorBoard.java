package dev.nn.io.tensorboard;

import dev.nn.api.Variable;
import dev.nn.api.callbacks.Callback;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keras's TensorBoard callback: writes {@code train/} and {@code validation/} event files under
 * a log directory, with the loss and every metric per epoch ("epoch_loss", "epoch_accuracy", the
 * validation values under the same tags in {@code validation/}), optionally every N batches
 * ("batch_loss"), the learning rate, weight histograms every {@code histogramFreq} epochs and, when
 * {@code writeGraph} is on, the model's op graph (the Graphs dashboard) and its summary as text.
 *
 * <pre>{@code
 * model.fit(x, y, epochs(30), callbacks(TensorBoard.builder(RunDirectories.newRun(Path.of("my_logs")))
 *         .histogramFreq(1).build()));
 * }</pre>
 */
public final class TensorBoard extends Callback {

    private final Path logDir;
    private final int updateFreq;
    private final int histogramFreq;
    private final boolean writeGraph;
    private SummaryWriter train;
    private SummaryWriter validation;
    private long batchStep;

    private TensorBoard(Builder b) {
        this.logDir = b.logDir;
        this.updateFreq = b.updateFreq;
        this.histogramFreq = b.histogramFreq;
        this.writeGraph = b.writeGraph;
    }

    /** Per-epoch logging into {@code logDir}. */
    public TensorBoard(Path logDir) {
        this(builder(logDir));
    }

    public static Builder builder(Path logDir) {
        return new Builder(logDir);
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        train = SummaryWriter.create(logDir.resolve("train"));
        validation = SummaryWriter.create(logDir.resolve("validation"));
        batchStep = 0;
        if (writeGraph && model().isBuilt()) {
            train.graph(model());
            train.text("model_summary", "```\n" + model().summary() + "```", 0);
        }
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        batchStep++;
        if (updateFreq > 0 && batchStep % updateFreq == 0) {
            for (Map.Entry<String, Double> e : logs.entrySet()) {
                train.scalar("batch_" + e.getKey(), e.getValue(), batchStep);
            }
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        for (Map.Entry<String, Double> e : logs.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("val_")) {
                validation.scalar("epoch_" + key.substring(4), e.getValue(), epoch);
            } else {
                train.scalar("epoch_" + key, e.getValue(), epoch);
            }
        }
        train.scalar("epoch_learning_rate", model().optimizer().learningRate(), epoch);
        if (histogramFreq > 0 && epoch % histogramFreq == 0) {
            for (Variable v : model().weights()) {
                train.histogram(v.name(), v.buffer(), epoch);
            }
        }
        train.flush();
        validation.flush();
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (train != null) {
            train.close();
            validation.close();
        }
    }

    /** Options of the callback. */
    public static final class Builder {
        private final Path logDir;
        private int updateFreq;
        private int histogramFreq;
        private boolean writeGraph = true;

        private Builder(Path logDir) {
            this.logDir = logDir;
        }

        /** Also log the running loss and metrics every {@code batches} batches (0: per epoch only). */
        public Builder updateFreq(int batches) {
            if (batches < 0) {
                throw new IllegalArgumentException("updateFreq must be >= 0, got " + batches);
            }
            this.updateFreq = batches;
            return this;
        }

        /** Weight histograms every {@code epochs} epochs (0: never). */
        public Builder histogramFreq(int epochs) {
            if (epochs < 0) {
                throw new IllegalArgumentException("histogramFreq must be >= 0, got " + epochs);
            }
            this.histogramFreq = epochs;
            return this;
        }

        /** Whether to record the model's structure. */
        public Builder writeGraph(boolean write) {
            this.writeGraph = write;
            return this;
        }

        public TensorBoard build() {
            return new TensorBoard(this);
        }
    }
}
