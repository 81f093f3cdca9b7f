package dev.nn.io.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.api.testing.Fuzz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * IDX files, raw or gzip, from hostile bytes: only {@link MalformedDataException} may come out.
 * Longer run: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=5m mvn -pl nn-io -am test -Dtest=IdxFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class IdxFuzzTest {

    /** A small limit, so a gzip stream cannot make one input allocate much even when it is real data. */
    private static final IdxReader READER = new IdxReader(1 << 20);
    private static final Path FILE = tempFile();

    @FuzzTest
    void idx(byte[] data) throws IOException {
        Files.write(FILE, data);
        Fuzz.expectOnly(() -> READER.read(FILE).toTensor(), MalformedDataException.class);
    }

    @Timeout(120)
    @Test
    void seededMutations() {
        int runs = Fuzz.mutate(IdxFuzzTest.class, "idx", 20_000, 11, this::idx);
        System.out.println("IdxFuzzTest: " + runs + " executions");
    }

    private static Path tempFile() {
        try {
            Path f = Files.createTempFile("idx-fuzz", ".bin");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
