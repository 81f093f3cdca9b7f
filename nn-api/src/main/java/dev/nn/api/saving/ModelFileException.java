package dev.nn.api.saving;

import java.nio.file.Path;

/**
 * A model or weights file that cannot be loaded: truncated, corrupt, from a newer nn, or not
 * matching the model. The message names the file and every problem found.
 */
public final class ModelFileException extends RuntimeException {

    private final transient Path file;

    public ModelFileException(Path file, String problem) {
        super("model file " + file + ": " + problem);
        this.file = file;
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super("model file " + file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that failed to load. */
    public Path file() {
        return file;
    }
}
