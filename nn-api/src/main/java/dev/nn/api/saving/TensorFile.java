package dev.nn.api.saving;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the container of FORMAT.md: the safetensors layout (header length, JSON
 * header, raw little-endian float32) with nn's metadata, version and SHA-256 checksum. Every
 * number in a header is checked against the file's real size before anything is allocated.
 */
final class TensorFile {

    static final int VERSION = 1;
    /** The largest header read, as the safetensors library allows; a larger claim is refused before allocating. */
    static final long MAX_HEADER_BYTES = 100L << 20;

    static final String KIND_MODEL = "nn.model";
    static final String KIND_WEIGHTS = "nn.weights";

    private static final String METADATA = "__metadata__";
    private static final String FORMAT = "format";
    private static final String FORMAT_VERSION = "nn_format_version";
    private static final String CONFIG = "nn_config";
    private static final String SHA256 = "nn_sha256";
    private static final int CHUNK = 1 << 20;

    /** What a file holds: its kind, its nn config (JSON text) and its tensors by name, in file order. */
    record Contents(String kind, String config, Map<String, StoredTensor> tensors) {
    }

    private TensorFile() {
    }

    // ---- writing ---------------------------------------------------------------------------

    static void write(Path path, String kind, String config, List<StoredTensor> tensors) {
        Map<String, Object> header = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT, kind);
        metadata.put(FORMAT_VERSION, String.valueOf(VERSION));
        metadata.put(CONFIG, config);
        metadata.put(SHA256, HexFormat.of().formatHex(checksum(config, tensors)));
        header.put(METADATA, metadata);
        long offset = 0;
        for (StoredTensor t : tensors) {
            if (header.containsKey(t.name())) {
                throw new IllegalArgumentException("two tensors are named '" + t.name() + "'; give the layers unique names");
            }
            long end = offset + 4L * t.data().length;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", shapeList(t.shape()));
            entry.put("data_offsets", List.of(offset, end));
            header.put(t.name(), entry);
            offset = end;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        // pad with spaces so the data starts 8-byte aligned, as the safetensors spec allows
        int padded = (json.length + 8 + 7) / 8 * 8 - 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        AtomicFiles.write(path, ch -> {
            writeFully(ch, head.flip());
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (StoredTensor t : tensors) {
                float[] d = t.data();
                for (int from = 0; from < d.length; from += CHUNK / 4) {
                    int n = Math.min(CHUNK / 4, d.length - from);
                    buf.clear();
                    buf.asFloatBuffer().put(d, from, n);
                    buf.limit(4 * n);
                    writeFully(ch, buf);
                }
            }
        });
    }

    private static List<Integer> shapeList(int[] shape) {
        List<Integer> l = new ArrayList<>();
        for (int d : shape) {
            l.add(d);
        }
        return l;
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static byte[] checksum(String config, List<StoredTensor> tensors) {
        MessageDigest md = sha256();
        md.update(config.getBytes(StandardCharsets.UTF_8));
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (StoredTensor t : tensors) {
            float[] d = t.data();
            for (int from = 0; from < d.length; from += CHUNK / 4) {
                int n = Math.min(CHUNK / 4, d.length - from);
                buf.clear();
                buf.asFloatBuffer().put(d, from, n);
                buf.limit(4 * n);
                md.update(buf);
            }
        }
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // ---- reading ---------------------------------------------------------------------------

    /** Reads and checks a whole file; fails with {@link ModelFileException} before returning anything partial. */
    static Contents read(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return new Reader(path, ch).read();
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path, "no such file");
        } catch (EOFException e) {
            throw new ModelFileException(path, "the file ended early (truncated?): " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + path + ": " + e.getMessage(), e);
        }
    }

    /** One tensor's entry in the header, checked against the data section. */
    private record Entry(String name, int[] shape, long begin, long end) {
    }

    private static final class Reader {
        private final Path path;
        private final FileChannel ch;

        Reader(Path path, FileChannel ch) {
            this.path = path;
            this.ch = ch;
        }

        Contents read() throws IOException {
            long size = ch.size();
            if (size < 8) {
                throw fail("it has " + size + " bytes, fewer than the 8-byte header length (truncated or empty)");
            }
            long headerLength = readBuffer(0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > size - 8) {
                throw fail("the header claims " + Long.toUnsignedString(headerLength) + " bytes but only " + (size - 8)
                        + " follow the length (truncated, or not a safetensors file)");
            }
            if (headerLength > MAX_HEADER_BYTES) {
                throw fail("the header claims " + headerLength + " bytes, over the limit of " + MAX_HEADER_BYTES);
            }
            String text = StandardCharsets.UTF_8.decode(readBuffer(8, (int) headerLength)).toString();
            Map<String, Object> header = header(text);
            Map<String, String> metadata = metadata(header.remove(METADATA));
            long dataStart = 8 + headerLength;
            List<Entry> entries = entries(header, size - dataStart);
            Map<String, StoredTensor> tensors = new LinkedHashMap<>();
            MessageDigest md = sha256();
            md.update(metadata.get(CONFIG).getBytes(StandardCharsets.UTF_8));
            for (Entry e : entries) {
                tensors.put(e.name(), new StoredTensor(e.name(), e.shape(), readFloats(dataStart + e.begin(), e.end() - e.begin(), md)));
            }
            String actual = HexFormat.of().formatHex(md.digest());
            if (!actual.equalsIgnoreCase(metadata.get(SHA256))) {
                throw fail("checksum mismatch: the file is corrupt (SHA-256 of its config and data is " + actual
                        + ", the header records " + metadata.get(SHA256) + ")");
            }
            Map<String, StoredTensor> inFileOrder = new LinkedHashMap<>();
            for (String name : header.keySet()) {
                inFileOrder.put(name, tensors.get(name));
            }
            return new Contents(metadata.get(FORMAT), metadata.get(CONFIG), inFileOrder);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> header(String text) {
            Object parsed;
            try {
                parsed = Json.parse(text);
            } catch (IllegalArgumentException e) {
                throw fail("the header is not valid JSON (corrupt or truncated): " + e.getMessage());
            }
            if (!(parsed instanceof Map)) {
                throw fail("the header is not a JSON object");
            }
            return (Map<String, Object>) parsed;
        }

        private Map<String, String> metadata(Object raw) {
            if (!(raw instanceof Map<?, ?> m)) {
                throw fail("the header has no " + METADATA + " object, so it was not written by nn");
            }
            Map<String, String> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!(v instanceof String s)) {
                    throw fail(METADATA + " entry '" + k + "' is not a string");
                }
                out.put((String) k, s);
            });
            String version = out.get(FORMAT_VERSION);
            if (version == null) {
                throw fail("its " + METADATA + " has no " + FORMAT_VERSION + ", so it was not written by nn");
            }
            int v;
            try {
                v = Integer.parseInt(version);
            } catch (NumberFormatException e) {
                throw fail(FORMAT_VERSION + " '" + version + "' is not a number");
            }
            if (v > VERSION) {
                throw fail("it was written by a newer nn (format version " + v + "); this nn reads format version "
                        + VERSION + " and older: upgrade nn to load it");
            }
            String kind = out.get(FORMAT);
            if (!KIND_MODEL.equals(kind) && !KIND_WEIGHTS.equals(kind)) {
                throw fail("unknown format '" + kind + "', expected " + KIND_MODEL + " or " + KIND_WEIGHTS);
            }
            for (String key : List.of(CONFIG, SHA256)) {
                if (!out.containsKey(key)) {
                    throw fail("its " + METADATA + " has no " + key);
                }
            }
            return out;
        }

        /** Every tensor entry, sorted by offset and checked to tile the data section exactly. */
        private List<Entry> entries(Map<String, Object> header, long dataLength) {
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<String, Object> e : header.entrySet()) {
                entries.add(entry(e.getKey(), e.getValue(), dataLength));
            }
            entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
            long at = 0;
            Entry previous = null;
            for (Entry e : entries) {
                if (e.begin() < at) {
                    throw fail("tensor '" + e.name() + "' (bytes " + e.begin() + " to " + e.end() + ") overlaps tensor '"
                            + previous.name() + "' (bytes " + previous.begin() + " to " + previous.end() + ")");
                }
                if (e.begin() > at) {
                    throw fail("the data section has a gap of " + (e.begin() - at) + " bytes before tensor '" + e.name() + "'");
                }
                at = e.end();
                previous = e;
            }
            if (at != dataLength) {
                throw fail("the tensors take " + at + " bytes but the data section has " + dataLength + " (extra bytes appended?)");
            }
            return entries;
        }

        private Entry entry(String name, Object raw, long dataLength) {
            if (!(raw instanceof Map<?, ?> m)) {
                throw fail("tensor '" + name + "' has no dtype, shape and data_offsets");
            }
            if (!"F32".equals(m.get("dtype"))) {
                throw fail("tensor '" + name + "' has dtype " + m.get("dtype") + "; nn reads only F32");
            }
            if (!(m.get("shape") instanceof List<?> dims) || dims.size() > 32) {
                throw fail("tensor '" + name + "' has no valid shape");
            }
            int[] shape = new int[dims.size()];
            long elements = 1;
            for (int i = 0; i < shape.length; i++) {
                if (!(dims.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                    throw fail("tensor '" + name + "' has a bad dimension " + dims.get(i) + " in its shape");
                }
                shape[i] = d.intValue();
                elements *= d; // at most 32 factors below 2^31 each, checked below before it can wrap
                if (elements > Integer.MAX_VALUE - 8) {
                    throw fail("tensor '" + name + "' of shape " + dims + " has more elements than a Java array holds");
                }
            }
            if (!(m.get("data_offsets") instanceof List<?> off) || off.size() != 2
                    || !(off.get(0) instanceof Long begin) || !(off.get(1) instanceof Long end)) {
                throw fail("tensor '" + name + "' has no valid data_offsets");
            }
            if (begin < 0 || end < begin || end > dataLength) {
                throw fail("tensor '" + name + "' claims bytes " + begin + " to " + end + " but the data section has "
                        + dataLength + " bytes (truncated or corrupt)");
            }
            if (elements * 4 != end - begin) {
                throw fail("tensor '" + name + "' of shape " + dims + " needs " + elements * 4 + " bytes but its offsets span "
                        + (end - begin));
            }
            return new Entry(name, shape, begin, end);
        }

        private float[] readFloats(long position, long bytes, MessageDigest md) throws IOException {
            float[] out = new float[(int) (bytes / 4)];
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(bytes, 4))).order(ByteOrder.LITTLE_ENDIAN);
            for (long done = 0; done < bytes; ) {
                int n = (int) Math.min(buf.capacity(), bytes - done);
                buf.clear().limit(n);
                readFully(position + done, buf);
                buf.flip();
                md.update(buf.duplicate());
                buf.asFloatBuffer().get(out, (int) (done / 4), n / 4);
                done += n;
            }
            return out;
        }

        private ByteBuffer readBuffer(long position, int bytes) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(bytes);
            readFully(position, b);
            return b.flip();
        }

        private void readFully(long position, ByteBuffer b) throws IOException {
            long at = position;
            while (b.hasRemaining()) {
                int n = ch.read(b, at);
                if (n < 0) {
                    throw new EOFException("expected more bytes at offset " + at);
                }
                at += n;
            }
        }

        private ModelFileException fail(String problem) {
            return new ModelFileException(path, problem);
        }
    }
}
