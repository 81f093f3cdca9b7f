package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaliforniaHousingTest {

    // The first two rows of the data, in cal_housing.data's column order.
    private static final String DATA = """
            -122.230000,37.880000,41.000000,880.000000,129.000000,322.000000,126.000000,8.325200,452600.000000
            -122.220000,37.860000,21.000000,7099.000000,1106.000000,2401.000000,1138.000000,8.301400,358500.000000
            """;

    // scikit-learn's fetch_california_housing for those rows
    private static final float[] X0 = {8.3252f, 41f, 6.984127f, 1.0238096f, 322f, 2.5555556f, 37.88f, -122.23f};

    @TempDir
    Path dir;

    @Test
    void fromTheStatLibArchive() throws IOException {
        Path tgz = dir.resolve("cal_housing.tgz");
        Files.write(tgz, tgz(entry("CaliforniaHousing/", '5', new byte[0]),
                entry("CaliforniaHousing/cal_housing.domain", '0', "longitude: continuous.\n".getBytes(StandardCharsets.US_ASCII)),
                entry("CaliforniaHousing/cal_housing.data", '0', DATA.getBytes(StandardCharsets.US_ASCII))));
        Split s = CaliforniaHousing.fromArchive(tgz);
        assertArrayEquals(new int[] {2, 8}, s.x().shape());
        assertArrayEquals(X0, s.x().rows(0, 1).toArray(), 1e-5f);
        assertArrayEquals(new float[] {4.526f, 3.585f}, s.y().toArray(), 1e-6f);
        assertEquals(2401f / 1138f, s.x().get(1, 5), 1e-6f);

        // a directory holding the archive, and the cache
        assertArrayEquals(s.y().toArray(), CaliforniaHousing.load(dir).y().toArray());
        Path cache = dir.resolve("cache");
        Files.createDirectories(cache.resolve("california-housing"));
        Files.copy(tgz, cache.resolve("california-housing").resolve("cal_housing.tgz"));
        assertArrayEquals(s.y().toArray(),
                CaliforniaHousing.load(DataLocator.defaults().withCacheHome(cache).offline()).y().toArray());
    }

    @Test
    void corruptArchives() throws IOException {
        Path tgz = dir.resolve("cal_housing.tgz");
        Files.write(tgz, tgz(entry("CaliforniaHousing/other.txt", '0', new byte[3])));
        String m = assertThrows(MalformedDataException.class, () -> CaliforniaHousing.fromArchive(tgz)).getMessage();
        assertTrue(m.contains("no expected data file; its entries are [CaliforniaHousing/other.txt]"), m);

        byte[] bad = entry("CaliforniaHousing/cal_housing.data", '0', DATA.getBytes(StandardCharsets.US_ASCII));
        bad[10] ^= 1;
        Files.write(tgz, tgz(bad));
        m = assertThrows(MalformedDataException.class, () -> CaliforniaHousing.fromArchive(tgz)).getMessage();
        assertTrue(m.contains("offset 0: tar header checksum"), m);

        Files.writeString(tgz, "not gzip");
        m = assertThrows(MalformedDataException.class, () -> CaliforniaHousing.fromArchive(tgz)).getMessage();
        assertTrue(m.startsWith(tgz + ": not a complete gzip-compressed tar archive"), m);

        byte[] cut = entry("CaliforniaHousing/cal_housing.data", '0', DATA.getBytes(StandardCharsets.US_ASCII));
        Files.write(tgz, gzip(Arrays.copyOf(cut, 600)));
        m = assertThrows(MalformedDataException.class, () -> CaliforniaHousing.fromArchive(tgz)).getMessage();
        assertTrue(m.contains("cut short after 88 of"), m);
    }

    @Test
    void fromTheBooksCsv() throws IOException {
        Split s = CaliforniaHousing.fromCsv(TestData.sharedDataset("california-housing/housing.csv"));
        assertArrayEquals(new int[] {20640, 8}, s.x().shape());
        assertArrayEquals(new int[] {20640}, s.y().shape());
        assertArrayEquals(X0, s.x().rows(0, 1).toArray(), 1e-5f);
        assertEquals(4.526f, s.y().get(0), 1e-6f);
        // row 290 is the first with total_bedrooms missing: imputed from the median bedrooms per
        // room, its average bedrooms stay typical (about 1.1) instead of 435 / 218 ≈ 2.0
        float aveRooms = s.x().get(290, 2);
        float aveBedrooms = s.x().get(290, 3);
        assertEquals(0.2, aveBedrooms / aveRooms, 0.02);
        assertTrue(aveBedrooms > 0.9f && aveBedrooms < 1.3f, "AveBedrms " + aveBedrooms);
    }

    @Test
    void aDirectoryWithoutEitherFile() {
        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> CaliforniaHousing.load(dir));
        assertTrue(e.getMessage().contains("holds neither cal_housing.tgz nor housing.csv"), e.getMessage());
    }

    /** A ustar header block for {@code name}, followed by the data padded to 512 bytes. */
    private static byte[] entry(String name, char type, byte[] data) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", data.length));
        put(h, 136, String.format("%011o", 0));
        put(h, 148, "        ");
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        byte[] out = Arrays.copyOf(h, 512 + (data.length + 511) / 512 * 512);
        System.arraycopy(data, 0, out, 512, data.length);
        return out;
    }

    private static void put(byte[] h, int at, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, at, b.length);
    }

    /** A gzip-compressed tar archive of the entries, ended by two zero blocks. */
    private static byte[] tgz(byte[]... entries) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            tar.write(e);
        }
        tar.write(new byte[1024]);
        return gzip(tar.toByteArray());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
