package dev.nn.io.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST family's format), raw or gzip-compressed; gzip is recognised by its
 * magic bytes, not by the file name.
 *
 * <p>An IDX file is a 4-byte magic {@code 00 00 <type> <rank>}, then {@code rank} big-endian
 * int32 dimensions, then the elements row-major. The header is never trusted: a raw file's length
 * must match it exactly before anything is allocated; a gzip stream's length is unknown until it
 * is read, so the buffer grows in chunks only as real data arrives, and the declared size is bounded
 * by {@link #maxBytes()}. A hostile header thus costs at most about twice the data actually present.
 */
public final class IdxReader {

    /** Default bound on the payload a header may declare: 1 GiB, ten times Fashion-MNIST's train set. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private static final int MAX_RANK = 8;
    private static final int CHUNK = 1 << 20;
    // The largest array length every JVM accepts.
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final long maxBytes;

    public IdxReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A reader that rejects headers declaring more than {@code maxBytes} bytes of elements. */
    public IdxReader(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public IdxData read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip) {
                return read(raw, file, Files.size(file));
            }
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return read(in, file, -1);
            } catch (EOFException | ZipException e) {
                throw new MalformedDataException(file + ": the gzip stream is truncated or corrupt (" + e.getMessage()
                        + "); delete the file and download it again", e);
            }
        }
    }

    /** Reads one IDX stream; {@code rawLength} is the file's length when uncompressed, else -1. */
    private IdxData read(InputStream in, Path file, long rawLength) throws IOException {
        byte[] magic = readHeaderBytes(in, 4, file, 0, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0) {
            throw new MalformedDataException(String.format(
                    "%s: offset 0: magic bytes %02x %02x %02x %02x are not an IDX header (00 00 <type> <rank>);"
                            + " is this the right file? Only raw and gzip-compressed IDX files are read",
                    file, magic[0], magic[1], magic[2], magic[3]));
        }
        int type = magic[2] & 0xFF;
        int elementSize = elementSize(type, file);
        int rank = magic[3] & 0xFF;
        if (rank == 0 || rank > MAX_RANK) {
            throw new MalformedDataException(file + ": offset 3: rank " + rank + " is implausible (expected 1.."
                    + MAX_RANK + "); the header is corrupt");
        }
        ByteBuffer dims = ByteBuffer.wrap(readHeaderBytes(in, 4 * rank, file, 4, rank + " dimension(s)"))
                .order(ByteOrder.BIG_ENDIAN);
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = dims.getInt();
            if (shape[i] < 0) {
                throw new MalformedDataException(file + ": offset " + (4 + 4 * i) + ": dimension " + i + " is "
                        + Integer.toUnsignedString(shape[i]) + ", more than an IDX reader can hold; the header is corrupt");
            }
        }
        long headerLength = 4 + 4L * rank;
        long bytes = byteCount(shape, elementSize, file);
        if (rawLength >= 0 && rawLength - headerLength != bytes) {
            throw new MalformedDataException(file + ": offset 4: the header declares shape " + Arrays.toString(shape)
                    + ", " + bytes + " bytes of data after the " + headerLength + "-byte header, but the file holds "
                    + (rawLength - headerLength) + (rawLength - headerLength < bytes
                            ? "; the file is truncated or the header corrupt: download it again"
                            : "; trailing bytes mean this is not the IDX file it claims to be"));
        }
        if (bytes > maxBytes || bytes > MAX_ARRAY) {
            throw new MalformedDataException(file + ": offset 4: the header declares shape " + Arrays.toString(shape)
                    + ", " + bytes + " bytes of data, more than the limit of " + Math.min(maxBytes, MAX_ARRAY)
                    + " bytes; if the file is genuine, read it with new IdxReader(maxBytes) with a larger limit");
        }
        checkDimensions(shape, file);
        byte[] payload = readPayload(in, (int) bytes, rawLength >= 0, file, headerLength, shape);
        if (type == IdxData.TYPE_UBYTE) {
            return IdxData.ofUbytes(payload, shape);
        }
        float[] floats = new float[(int) bytes / elementSize];
        ByteBuffer.wrap(payload).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(floats);
        return IdxData.ofFloats(floats, shape);
    }

    private static long byteCount(int[] shape, int elementSize, Path file) throws MalformedDataException {
        try {
            long bytes = elementSize;
            for (int d : shape) {
                bytes = Math.multiplyExact(bytes, d);
            }
            return bytes;
        } catch (ArithmeticException e) {
            throw new MalformedDataException(file + ": offset 4: the header declares shape " + Arrays.toString(shape)
                    + ", whose size overflows 64 bits; the header is corrupt");
        }
    }

    /**
     * A zero dimension makes the size 0 whatever the others say, but no tensor has dimensions whose
     * running product passes an array's length: such a header is corrupt (found by IdxFuzzTest).
     */
    private static void checkDimensions(int[] shape, Path file) throws MalformedDataException {
        long partial = 1;
        for (int d : shape) {
            partial *= d;
            if (partial > MAX_ARRAY) {
                throw new MalformedDataException(file + ": offset 4: the header declares shape " + Arrays.toString(shape)
                        + ", whose dimensions multiply past what an array holds; the header is corrupt");
            }
        }
    }

    private static int elementSize(int type, Path file) throws MalformedDataException {
        return switch (type) {
            case IdxData.TYPE_UBYTE -> 1;
            case IdxData.TYPE_FLOAT -> 4;
            case 0x09, 0x0B, 0x0C, 0x0E -> throw new MalformedDataException(String.format(
                    "%s: offset 2: element type 0x%02x (%s) is not supported; nn reads unsigned bytes (0x08) and"
                            + " float32 (0x0D): convert the file to one of those", file, type, typeName(type)));
            default -> throw new MalformedDataException(String.format(
                    "%s: offset 2: unknown IDX element type 0x%02x; the header is corrupt or this is not an IDX file",
                    file, type));
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "int16";
            case 0x0C -> "int32";
            default -> "float64";
        };
    }

    private static byte[] readHeaderBytes(InputStream in, int n, Path file, long offset, String what) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new MalformedDataException(file + ": offset " + (offset + b.length) + ": the file ends inside "
                    + what + " of the IDX header; it is truncated or empty: download it again");
        }
        return b;
    }

    /**
     * Reads exactly {@code n} bytes and checks that nothing follows. A raw file's length was
     * checked already, so its buffer is allocated at once; a gzip stream's buffer grows with the data.
     */
    private static byte[] readPayload(InputStream in, int n, boolean lengthChecked, Path file, long headerLength,
            int[] shape) throws IOException {
        byte[] buf = new byte[lengthChecked ? n : Math.min(n, CHUNK)];
        int filled = 0;
        while (filled < n) {
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
            }
            int r = in.read(buf, filled, buf.length - filled);
            if (r < 0) {
                throw new MalformedDataException(file + ": offset " + (headerLength + filled) + " (uncompressed): the data"
                        + " ends after " + filled + " of the " + n + " bytes that shape " + Arrays.toString(shape)
                        + " needs; the file is truncated or its header corrupt: download it again");
            }
            filled += r;
        }
        if (in.read() >= 0) {
            throw new MalformedDataException(file + ": offset " + (headerLength + n) + " (uncompressed): data continues"
                    + " past the " + n + " bytes that shape " + Arrays.toString(shape)
                    + " needs; this is not the IDX file it claims to be");
        }
        return buf;
    }
}
