package dev.nn.io.tensorboard;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.nn.io.tensorboard.proto.Event;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an event file back, checking both CRCs of every record. A file cut short inside its last
 * record (a writer still running, or killed) is read up to its last complete record; damage
 * anywhere else is a {@link CorruptRecordException}.
 */
public final class EventFileReader {
    private EventFileReader() {}

    /**
     * What a file held.
     *
     * @param events the decoded events of every complete record, in file order
     * @param truncated whether bytes of an incomplete last record followed them
     */
    public record Contents(Path file, List<Event> events, boolean truncated) {
        public Contents {
            events = List.copyOf(events);
        }

        public int completeRecords() {
            return events.size();
        }
    }

    public static Contents read(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            long offset = 0;
            while (true) {
                byte[] header = in.readNBytes(TfRecord.HEADER_BYTES);
                if (header.length == 0) {
                    return new Contents(file, events, false);
                }
                if (header.length < TfRecord.HEADER_BYTES) {
                    return new Contents(file, events, true);
                }
                ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
                long length = fields.getLong(0);
                checkCrc(file, offset, "length", fields.getInt(TfRecord.LENGTH_BYTES),
                        TfRecord.maskedCrc32c(header, 0, TfRecord.LENGTH_BYTES));
                if (length < 0 || length > Integer.MAX_VALUE - TfRecord.OVERHEAD_BYTES) {
                    throw new CorruptRecordException(file, offset, "record length " + length + " is out of range", null);
                }
                byte[] data = in.readNBytes((int) length);
                byte[] footer = in.readNBytes(TfRecord.CRC_BYTES);
                if (data.length < length || footer.length < TfRecord.CRC_BYTES) {
                    return new Contents(file, events, true);
                }
                checkCrc(file, offset, "data", ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt(0),
                        TfRecord.maskedCrc32c(data, 0, data.length));
                try {
                    events.add(Event.parseFrom(data));
                } catch (InvalidProtocolBufferException e) {
                    throw new CorruptRecordException(file, offset, "data is not an Event: " + e.getMessage(), e);
                }
                offset += TfRecord.OVERHEAD_BYTES + length;
            }
        }
    }

    private static void checkCrc(Path file, long offset, String what, int stored, int computed)
            throws CorruptRecordException {
        if (stored != computed) {
            throw new CorruptRecordException(file, offset, String.format(
                    "%s CRC mismatch (stored 0x%08x, computed 0x%08x)", what, stored, computed), null);
        }
    }
}
