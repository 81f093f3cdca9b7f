package dev.nn.backend.onnx.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** nn's version, written by the build into a resource, for the producer_version of exported models. */
final class NnVersion {
    private static final String RESOURCE = "nn-version.properties";

    private NnVersion() {
    }

    static String get() {
        try (InputStream in = NnVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + NnVersion.class.getName()
                        + "; the nn-backend-onnx build writes it");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
