package dev.nn.api.callbacks;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the model (or its weights) at the end of each epoch, as Keras's ModelCheckpoint. The path
 * is a template: {@code "ckpt-{epoch:02d}-{val_loss:.4f}.nn"} (see {@link PathTemplate}). With
 * {@link #saveBestOnly} it saves only when the monitored value beats the best so far.
 *
 * <pre>{@code
 * new ModelCheckpoint("best.nn").saveBestOnly(true)   // monitors val_loss, lower is better
 * }</pre>
 */
public final class ModelCheckpoint extends Callback {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCheckpoint.class);

    private final String template;
    private String monitorKey = "val_loss";
    private Mode mode = Mode.AUTO;
    private boolean saveBestOnly;
    private boolean saveWeightsOnly;
    private Monitor monitor;
    private Double best;
    private Path lastSaved;

    public ModelCheckpoint(String pathTemplate) {
        this.template = pathTemplate;
    }

    public ModelCheckpoint(Path path) {
        this(path.toString());
    }

    /** The logged quantity that decides the best model; "val_loss" by default. */
    public ModelCheckpoint monitor(String key) {
        this.monitorKey = key;
        return this;
    }

    public ModelCheckpoint mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    /** Saves only when the monitored value improves on the best so far. */
    public ModelCheckpoint saveBestOnly(boolean saveBestOnly) {
        this.saveBestOnly = saveBestOnly;
        return this;
    }

    /** Saves the weights alone ({@code saveWeights}) instead of the whole model. */
    public ModelCheckpoint saveWeightsOnly(boolean saveWeightsOnly) {
        this.saveWeightsOnly = saveWeightsOnly;
        return this;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        monitor = Monitor.of(monitorKey, mode);
        best = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (saveBestOnly) {
            Double current = monitor.valueIn(logs);
            if (current == null) {
                LOG.warn("ModelCheckpoint monitors '{}' but the logs have only {}; skipping", monitorKey, logs.keySet());
                return;
            }
            if (!monitor.improves(current, best, 0)) {
                return;
            }
            best = current;
        }
        Path path = Path.of(PathTemplate.format(template, epoch + 1, logs));
        if (saveWeightsOnly) {
            model().saveWeights(path);
        } else {
            model().save(path);
        }
        lastSaved = path;
    }

    /** The best monitored value seen (with saveBestOnly), or null. */
    public Double best() {
        return best;
    }

    /** The file written last, or null. */
    public Path lastSaved() {
        return lastSaved;
    }
}
