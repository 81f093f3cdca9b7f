package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static IdxData images() {
        byte[] pixels = new byte[3 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        return IdxData.ofUbytes(pixels, 3, 4, 5);
    }

    @Test
    void rawAndGzipRoundTrip() throws IOException {
        for (String name : new String[] {"images-idx3-ubyte", "images-idx3-ubyte.gz"}) {
            Path f = dir.resolve(name);
            IdxWriter.write(f, images());
            IdxData back = new IdxReader().read(f);
            assertArrayEquals(new int[] {3, 4, 5}, back.shape());
            assertArrayEquals(images().ubytes(), back.ubytes());
            Tensor x = back.toImages();
            assertEquals((byte) (59 * 7) & 0xFF, Math.round(x.get(2, 3, 4) * 255));
            assertTrue(x.get(0, 0, 0) == 0f);
        }
        // gzip is told by its magic bytes, not by the name
        assertEquals(0x1f, Files.readAllBytes(dir.resolve("images-idx3-ubyte.gz"))[0] & 0xFF);
    }

    @Test
    void itemRangesConvertLikeTheWholeFile() {
        IdxData d = images();
        Tensor all = d.toImages();
        assertArrayEquals(all.rows(1, 3).toArray(), d.toImages(1, 3).toArray());
        assertArrayEquals(new int[] {2, 4, 5}, d.toImages(1, 3).shape());
        assertArrayEquals(new int[] {0, 4, 5}, d.toImages(3, 3).shape());
        IdxData labels = IdxData.ofUbytes(new byte[] {9, 0, (byte) 200}, 3);
        assertArrayEquals(new float[] {0, 200}, labels.toLabels(1, 3).toArray());
        assertThrows(IndexOutOfBoundsException.class, () -> d.toImages(2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> d.toImages(-1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> labels.toLabels(2, 1));
    }

    @Test
    void labelsAndFloats() throws IOException {
        Path labels = dir.resolve("labels.gz");
        IdxWriter.write(labels, IdxData.ofUbytes(new byte[] {9, 0, (byte) 200}, 3));
        assertArrayEquals(new float[] {9, 0, 200}, new IdxReader().read(labels).toLabels().toArray());

        Path floats = dir.resolve("floats");
        IdxWriter.write(floats, IdxData.ofFloats(new float[] {1.5f, -2f, 3.25f, 0f}, 2, 2));
        IdxData back = new IdxReader().read(floats);
        assertEquals(IdxData.TYPE_FLOAT, back.type());
        assertArrayEquals(new float[] {1.5f, -2f, 3.25f, 0f}, back.toTensor().toArray());
    }

    @Test
    void truncatedRawFileIsRejectedBeforeReading() throws IOException {
        Path f = dir.resolve("truncated");
        IdxWriter.write(f, images());
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 10));
        String msg = message(f);
        assertTrue(msg.contains(f.toString()) && msg.contains("offset 4") && msg.contains("truncated"), msg);
    }

    @Test
    void truncatedGzipIsRejected() throws IOException {
        Path f = dir.resolve("truncated.gz");
        // a complete gzip stream whose content is short of what the header declares
        byte[] idx = idx(0x08, new int[] {3, 4, 5}, 50);
        Files.write(f, gzip(idx));
        String msg = message(f);
        assertTrue(msg.contains("ends after 50 of the 60 bytes") && msg.contains("truncated"), msg);

        // a gzip stream cut in the middle
        byte[] full = gzip(idx(0x08, new int[] {3, 4, 5}, 60));
        Files.write(f, Arrays.copyOf(full, full.length - 12));
        assertTrue(message(f).contains("gzip stream is truncated or corrupt"), message(f));
    }

    @Test
    void emptyAndTinyFiles() throws IOException {
        Path f = dir.resolve("empty");
        Files.write(f, new byte[0]);
        assertTrue(message(f).contains("offset 0: the file ends inside the 4-byte magic"), message(f));
        Files.write(f, new byte[] {0, 0, 8, 3, 0, 0});
        assertTrue(message(f).contains("offset 6: the file ends inside 3 dimension(s)"), message(f));
    }

    @Test
    void corruptMagic() throws IOException {
        Path f = dir.resolve("not-idx");
        Files.writeString(f, "PK\u0003\u0004 this is a zip file, not IDX");
        String msg = message(f);
        assertTrue(msg.contains("offset 0") && msg.contains("not an IDX header"), msg);

        Files.write(f, new byte[] {0, 0, 8, 0});
        assertTrue(message(f).contains("offset 3: rank 0"), message(f));
    }

    @Test
    void unsupportedAndUnknownTypes() throws IOException {
        Path f = dir.resolve("ints");
        Files.write(f, idx(0x0C, new int[] {2}, 8));
        String msg = message(f);
        assertTrue(msg.contains("offset 2") && msg.contains("0x0c (int32) is not supported"), msg);

        Files.write(f, idx(0x42, new int[] {2}, 2));
        assertTrue(message(f).contains("unknown IDX element type 0x42"), message(f));
    }

    @Test
    void hostileHeadersAllocateNothingLarge() throws IOException {
        // claims 2^31 - 1 images of 28x28 in a 100-byte file
        byte[] hostile = Arrays.copyOf(idx(0x08, new int[] {Integer.MAX_VALUE, 28, 28}, 0), 100);
        Path raw = dir.resolve("hostile");
        Files.write(raw, hostile);
        String msg = message(raw);
        assertTrue(msg.contains("holds 84") && msg.contains("truncated"), msg);

        // gzip hides the length: the declared size is bounded by the limit...
        Path gz = dir.resolve("hostile.gz");
        Files.write(gz, gzip(hostile));
        msg = message(gz);
        assertTrue(msg.contains("more than the limit") && msg.contains("new IdxReader(maxBytes)"), msg);

        // ...and below it, by the data that actually arrives (about 1 MiB is all that is allocated)
        Files.write(gz, gzip(idx(0x08, new int[] {100_000, 28, 28}, 100)));
        msg = message(gz);
        assertTrue(msg.contains("ends after 100 of the 78400000 bytes"), msg);

        // a dimension with the sign bit set, and a shape whose size overflows
        Files.write(raw, idx(0x08, new int[] {-1}, 0));
        assertTrue(message(raw).contains("offset 4: dimension 0 is 4294967295"), message(raw));
        Files.write(raw, idx(0x0D, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, 0));
        assertTrue(message(raw).contains("overflows 64 bits"), message(raw));
    }

    @Test
    void trailingDataIsRejected() throws IOException {
        Path f = dir.resolve("long.gz");
        Files.write(f, gzip(idx(0x08, new int[] {2}, 5)));
        assertTrue(message(f).contains("data continues past the 2 bytes"), message(f));
    }

    private static String message(Path f) {
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> new IdxReader(1L << 28).read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage();
    }

    /** An IDX header of the given type and shape followed by {@code dataBytes} bytes of data. */
    private static byte[] idx(int type, int[] shape, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * shape.length + dataBytes);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) shape.length);
        for (int d : shape) {
            b.putInt(d);
        }
        return b.array();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
