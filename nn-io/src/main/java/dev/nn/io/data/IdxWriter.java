package dev.nn.io.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files, for tests and tools; a name ending in {@code .gz} gets gzip compression. */
public final class IdxWriter {

    private IdxWriter() {
    }

    public static void write(Path file, IdxData data) throws IOException {
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        try (OutputStream os = Files.newOutputStream(file);
                OutputStream maybeGzip = gzip ? new GZIPOutputStream(os, 1 << 16) : os;
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(maybeGzip, 1 << 16))) {
            int[] shape = data.shape();
            out.writeShort(0);
            out.writeByte(data.type());
            out.writeByte(shape.length);
            for (int d : shape) {
                out.writeInt(d);
            }
            if (data.ubytes() != null) {
                out.write(data.ubytes());
            } else {
                for (float f : data.floats()) {
                    out.writeFloat(f);
                }
            }
        }
    }
}
