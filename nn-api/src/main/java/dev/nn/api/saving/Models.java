package dev.nn.api.saving;

import dev.nn.api.models.Model;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Saving and loading models, as Keras's {@code model.save} and {@code keras.models.load_model}.
 * The file format is described in FORMAT.md next to this class: the safetensors layout, so any
 * tool can read the weights, with nn's config, optimizer and training state in its metadata.
 *
 * <pre>{@code
 * model.save(Path.of("housing.nn"));
 * Model again = Models.load(Path.of("housing.nn"));
 * again.fit(x, y, initialEpoch(again.epochsCompleted()), epochs(10));
 * }</pre>
 *
 * Files are replaced atomically: a crash during a save leaves the previous file intact. Loading
 * checks everything (size, checksum, version, names, shapes) before it returns a model, and fails
 * with a {@link ModelFileException} that names the file and every problem found.
 */
public final class Models {

    private Models() {
    }

    /**
     * Saves the architecture, weights, compile settings (losses, optimizer, metrics), optimizer
     * state (step count and slots) and training state (completed epochs, seed, dropout streams).
     */
    public static void save(Model model, Path path) {
        ModelFile.save(model, path);
    }

    /** Loads a model saved by {@link #save}, compiled as it was, ready to predict or to resume training. */
    public static Model load(Path path) {
        return load(path, Map.of());
    }

    /**
     * Loads a model whose file names classes nn cannot build by itself: subclassed models, custom
     * layers, losses, metrics or optimizers, each keyed by the simple class name (or the loss or
     * metric name) it was saved under, as Keras's {@code custom_objects}. A supplied model is built
     * for the saved input shapes before its weights are loaded.
     */
    public static Model load(Path path, Map<String, ? extends Supplier<?>> customObjects) {
        return ModelFile.load(path, new CustomObjects(Map.copyOf(customObjects)));
    }

    /** Saves the weights alone, by name, in the same layout. */
    public static void saveWeights(Model model, Path path) {
        WeightsFile.save(model, path);
    }

    /**
     * Loads weights by name from a weights file or a whole model file into a built model. Every
     * name and shape must match, and nothing is assigned unless all do; the error lists every
     * weight that is missing, extra or of another shape.
     */
    public static void loadWeights(Model model, Path path) {
        WeightsFile.load(model, path);
    }

}
