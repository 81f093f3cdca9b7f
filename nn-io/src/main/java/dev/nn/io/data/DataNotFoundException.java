package dev.nn.io.data;

import java.io.IOException;

/** A data set found nowhere; the message lists every place tried and how to supply the files. */
public final class DataNotFoundException extends IOException {

    public DataNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
