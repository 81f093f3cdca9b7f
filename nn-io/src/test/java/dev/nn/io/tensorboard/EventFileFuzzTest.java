package dev.nn.io.tensorboard;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.api.testing.Fuzz;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TensorBoard event files from hostile bytes: only {@link CorruptRecordException} (or another
 * IOException) may come out. {@code eventFile} takes the bytes as a whole file, so the CRCs guard
 * it; {@code eventRecords} frames them as records with correct CRCs (a length byte, then that many
 * bytes, repeated), so the fuzzer reaches the Event decoding behind the checksums.
 * Longer run: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=5m mvn -pl nn-io -am test
 * -Dtest='EventFileFuzzTest#eventRecords' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EventFileFuzzTest {

    private static final Path FILE = tempFile();

    @FuzzTest
    void eventFile(byte[] data) throws IOException {
        Files.write(FILE, data);
        Fuzz.expectOnly(() -> EventFileReader.read(FILE), IOException.class);
    }

    @FuzzTest
    void eventRecords(byte[] data) throws IOException {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        int at = 0;
        while (at < data.length) {
            int n = Math.min(data[at] & 0xFF, data.length - at - 1);
            byte[] record = new byte[n];
            System.arraycopy(data, at + 1, record, 0, n);
            framed.write(TfRecord.frame(record));
            at += 1 + n;
        }
        eventFile(framed.toByteArray());
    }

    @Timeout(120)
    @Test
    void seededMutations() {
        int raw = Fuzz.mutate(EventFileFuzzTest.class, "eventFile", 4_000, 13, this::eventFile);
        int framed = Fuzz.mutate(EventFileFuzzTest.class, "eventRecords", 6_000, 14, this::eventRecords);
        System.out.println("EventFileFuzzTest: " + raw + " + " + framed + " executions");
    }

    /** Writes the seed corpus from a real writer; run by hand when the event format changes. */
    static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("tb");
        Path file;
        try (SummaryWriter w = SummaryWriter.create(dir)) {
            w.scalar("loss", 0.5, 1);
            w.histogram("dense/kernel", new float[] {0.1f, -0.2f, 0.3f, 0.9f}, 1);
            w.text("note", "hello", 2);
            file = w.file();
        }
        byte[] bytes = Files.readAllBytes(file);
        Path seeds = Path.of("nn-io/src/test/resources/dev/nn/io/tensorboard/EventFileFuzzTestInputs");
        Files.write(seeds.resolve("eventFile/summary-writer"), bytes);
        // the same events as length-prefixed records, the eventRecords input format
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (var e : EventFileReader.read(file).events()) {
            byte[] b = e.toByteArray();
            if (b.length < 256) {
                records.write(b.length);
                records.write(b);
            }
        }
        Files.write(seeds.resolve("eventRecords/summary-writer"), records.toByteArray());
    }

    private static Path tempFile() {
        try {
            Path f = Files.createTempFile("events-fuzz", ".tfevents");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
