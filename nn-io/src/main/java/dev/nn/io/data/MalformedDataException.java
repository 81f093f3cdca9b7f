package dev.nn.io.data;

import java.io.IOException;

/**
 * A data file that cannot be read as what it claims to be. The message names the file, where in
 * it the problem is (offset, field, line or column) and what to do about it.
 */
public final class MalformedDataException extends IOException {

    public MalformedDataException(String message) {
        super(message);
    }

    public MalformedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
