package dev.nn.io.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.api.testing.Fuzz;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CSV text and its encoding into tensors, from hostile bytes: only {@link MalformedDataException}
 * or an IllegalArgumentException naming the bad column may come out. The first byte picks the
 * encoder's options (target, categorical, ignored column, missing policy), the rest is the file.
 * Longer run: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=5m mvn -pl nn-io -am test -Dtest=CsvFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CsvFuzzTest {

    @FuzzTest
    void csv(byte[] data) {
        Fuzz.expectOnly(() -> encode(data), MalformedDataException.class, IllegalArgumentException.class);
    }

    private static void encode(byte[] data) throws Exception {
        int options = data.length == 0 ? 0 : data[0] & 0xFF;
        byte[] text = data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length);
        CsvTable table = CsvReader.read(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8),
                "fuzz.csv");
        var header = table.header();
        TableEncoder encoder = new TableEncoder()
                .withMissing(MissingPolicy.values()[(options >> 3) % MissingPolicy.values().length]);
        if ((options & 1) != 0) {
            encoder = encoder.withTarget(header.getLast());
        }
        if ((options & 2) != 0) {
            encoder = encoder.withCategorical(header.getFirst());
        }
        if ((options & 4) != 0 && header.size() > 1) {
            encoder = encoder.withIgnored(header.get(1));
        }
        encoder.encode(table);
    }

    @Timeout(120)
    @Test
    void seededMutations() {
        int runs = Fuzz.mutate(CsvFuzzTest.class, "csv", 20_000, 12, this::csv,
                ",", "\"", "\"\"", "\n", "\r\n", "NA", "NaN", "-1e39", "Infinity", "0x1p3", "\u00e9", "\uFFFD");
        System.out.println("CsvFuzzTest: " + runs + " executions");
    }
}
