package dev.nn.io.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds one regular file in a tar stream (ustar or old GNU/V7 headers): 512-byte header blocks,
 * each followed by the file's data padded to 512 bytes, ended by zero blocks. Header checksums are
 * verified, so a corrupt archive fails here rather than yielding garbage.
 */
final class TarReader {

    private static final int BLOCK = 512;

    private TarReader() {
    }

    /** The contents of the first regular file whose path matches, at most {@code maxSize} bytes. */
    static byte[] read(InputStream tar, String source, Predicate<String> wanted, long maxSize) throws IOException {
        List<String> seen = new ArrayList<>();
        long offset = 0;
        while (true) {
            byte[] header = tar.readNBytes(BLOCK);
            if (header.length == 0 || isZero(header)) {
                break;
            }
            if (header.length < BLOCK) {
                throw new MalformedDataException(source + ": offset " + offset + ": the tar archive ends inside a header;"
                        + " it is truncated: download it again");
            }
            checkChecksum(header, source, offset);
            String name = string(header, 0, 100);
            String prefix = string(header, 345, 155);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            long size = octal(header, 124, 12, source, offset);
            char type = (char) header[156];
            offset += BLOCK;
            boolean regular = type == '0' || type == '\0';
            if (regular && wanted.test(path)) {
                if (size > maxSize) {
                    throw new MalformedDataException(source + ": offset " + (offset - BLOCK) + ": entry " + path
                            + " claims " + size + " bytes, more than the " + maxSize + " expected; the archive is not the"
                            + " expected one");
                }
                byte[] data = tar.readNBytes((int) size);
                if (data.length < size) {
                    throw new MalformedDataException(source + ": entry " + path + " is cut short after " + data.length
                            + " of " + size + " bytes; the archive is truncated: download it again");
                }
                return data;
            }
            seen.add(path);
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            try {
                tar.skipNBytes(padded);
            } catch (EOFException e) {
                throw new MalformedDataException(source + ": entry " + path + " is cut short; the archive is truncated", e);
            }
            offset += padded;
        }
        throw new MalformedDataException(source + ": the archive has no expected data file; its entries are " + seen);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkChecksum(byte[] h, String source, long offset) throws MalformedDataException {
        long stored = octal(h, 148, 8, source, offset);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xFF);
        }
        if (sum != stored) {
            throw new MalformedDataException(source + ": offset " + offset + ": tar header checksum " + stored
                    + " does not match the header (" + sum + "); the archive is corrupt: download it again");
        }
    }

    private static String string(byte[] h, int from, int len) {
        int end = from;
        while (end < from + len && h[end] != 0) {
            end++;
        }
        return new String(h, from, end - from, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int from, int len, String source, long offset) throws MalformedDataException {
        String s = string(h, from, len).trim();
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s, 8);
        } catch (NumberFormatException e) {
            throw new MalformedDataException(source + ": offset " + (offset + from) + ": '" + s
                    + "' is not an octal tar header number; the archive is corrupt or uses an unsupported extension");
        }
    }
}
