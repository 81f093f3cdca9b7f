package dev.nn.api.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad file fails with a clear error naming the file, before allocating much or loading anything. */
class CorruptFileTest {

    @TempDir
    Path dir;
    Path good;
    byte[] bytes;

    @BeforeEach
    void saveAModel() throws IOException {
        Sequential m = Fixtures.regressor(new Adam());
        Fixtures data = new Fixtures(64, 3);
        m.fit(data.x, data.y, dev.nn.api.models.FitOptions.epochs(1), dev.nn.api.models.FitOptions.verbose(0));
        good = dir.resolve("good.nn");
        m.save(good);
        bytes = Files.readAllBytes(good);
    }

    private ModelFileException loadFails(byte[] content, String expected) throws IOException {
        Path bad = dir.resolve("bad.nn");
        Files.write(bad, content);
        ModelFileException e = assertThrows(ModelFileException.class, () -> Models.load(bad));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        return e;
    }

    @Test
    void truncatedAnywhere() throws IOException {
        int headerEnd = 8 + (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        loadFails(new byte[0], "truncated");
        loadFails(Arrays.copyOf(bytes, 5), "truncated");
        loadFails(Arrays.copyOf(bytes, 100), "truncated");
        loadFails(Arrays.copyOf(bytes, headerEnd + 10), "truncated or corrupt");
        loadFails(Arrays.copyOf(bytes, bytes.length - 1), "truncated or corrupt");
    }

    @Test
    void aFlippedDataByteFailsTheChecksum() throws IOException {
        byte[] b = bytes.clone();
        b[b.length - 3] ^= 0x10;
        loadFails(b, "checksum mismatch");
    }

    @Test
    void aChangedConfigFailsTheChecksum() throws IOException {
        loadFails(replace(bytes, "\\\"units\\\":16", "\\\"units\\\":17"), "checksum mismatch");
        loadFails(replace(bytes, "\\\"learning_rate\\\":0.001", "\\\"learning_rate\\\":0.002"), "checksum mismatch");
    }

    @Test
    void aNewerFormatVersionAsksToUpgrade() throws IOException {
        loadFails(replace(bytes, "\"nn_format_version\":\"1\"", "\"nn_format_version\":\"2\""), "newer nn (format version 2)");
    }

    @Test
    void aHugeHeaderLengthIsRefusedBeforeAllocating() throws IOException {
        byte[] b = bytes.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40);
        loadFails(b, "the header claims 1099511627776 bytes but only");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L);
        loadFails(b, "18446744073709551615");
    }

    @Test
    void aHeaderClaimingHugeTensorsIsRefused() throws IOException {
        loadFails(craft("\"w\":{\"dtype\":\"F32\",\"shape\":[10000,10000],\"data_offsets\":[0,400000000]}", 16),
                "claims bytes 0 to 400000000 but the data section has 16 bytes");
        loadFails(craft("\"w\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,4],\"data_offsets\":[0,16]}", 16),
                "more elements than a Java array holds");
        loadFails(craft("\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}", 16), "needs 12 bytes but its offsets span 16");
    }

    @Test
    void offsetsOutsideTheFileOrOverlappingAreRefused() throws IOException {
        loadFails(craft("\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}", 16), "claims bytes 8 to 24");
        loadFails(craft("\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}", 16), "'b' (bytes 4 to 12) overlaps tensor 'a'");
        loadFails(craft("\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}", 16), "claims bytes -8 to 0");
        loadFails(craft("\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}", 16), "reads only F32");
    }

    @Test
    void aHeaderThatIsNotJsonIsRefused() throws IOException {
        byte[] b = bytes.clone();
        b[8] = 'x';
        loadFails(b, "not valid JSON");
    }

    @Test
    void aWeightsFileIsNotAModel() throws IOException {
        Path w = dir.resolve("w.nn");
        Models.load(good).saveWeights(w);
        ModelFileException e = assertThrows(ModelFileException.class, () -> Models.load(w));
        assertTrue(e.getMessage().contains("holds weights only"), e.getMessage());
    }

    @Test
    void loadWeightsListsEveryMismatchAndLoadsNothing() {
        Sequential other = new Sequential(new InputLayer(8), new Dense(17, "relu"), Dense.builder(1).name("out").build());
        List<int[]> before = Fixtures.bits(other);
        ModelFileException e = assertThrows(ModelFileException.class, () -> other.loadWeights(good));
        String m = e.getMessage();
        assertTrue(m.contains("weights missing from the file: [out/kernel, out/bias]"), m);
        assertTrue(m.contains("weights in the file that the model does not have: [dense_1/kernel, dense_1/bias]"), m);
        assertTrue(m.contains("dense/kernel is (8, 17) in the model but (8, 16) in the file"), m);
        assertTrue(m.contains("Nothing was loaded"), m);
        List<int[]> after = Fixtures.bits(other);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i));
        }
    }

    @Test
    void aMissingFileSaysSo() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> Models.load(dir.resolve("nope.nn")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    /** A file with valid nn metadata (its checksum is never reached) and the given tensor entries. */
    private static byte[] craft(String entries, int dataBytes) {
        String header = "{\"__metadata__\":{\"format\":\"nn.weights\",\"nn_format_version\":\"1\",\"nn_config\":\"{}\","
                + "\"nn_sha256\":\"00\"}," + entries + "}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    private static byte[] replace(byte[] b, String from, String to) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        assertEquals(from.length(), to.length());
        int at = s.indexOf(from);
        assertTrue(at > 0, "the file should contain " + from);
        return (s.substring(0, at) + to + s.substring(at + from.length())).getBytes(StandardCharsets.ISO_8859_1);
    }
}
