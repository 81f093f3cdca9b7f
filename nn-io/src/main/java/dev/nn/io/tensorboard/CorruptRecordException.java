package dev.nn.io.tensorboard;

import java.io.IOException;
import java.nio.file.Path;

/** A TFRecord whose checksum or contents are wrong: the file is damaged at {@link #offset()}. */
public final class CorruptRecordException extends IOException {
    private final Path file;
    private final long offset;

    CorruptRecordException(Path file, long offset, String problem, Throwable cause) {
        super("corrupt record in " + file + " at byte offset " + offset + ": " + problem, cause);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    /** Byte offset of the start of the damaged record. */
    public long offset() {
        return offset;
    }
}
