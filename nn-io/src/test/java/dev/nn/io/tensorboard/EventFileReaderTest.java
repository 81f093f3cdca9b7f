package dev.nn.io.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.io.tensorboard.proto.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileReaderTest {
    @TempDir
    Path dir;

    private Path file;
    private byte[] bytes;
    private long secondRecordOffset;

    /** A file of three records: file_version, then events with steps 1 and 2. */
    @BeforeEach
    void writeThreeRecords() throws IOException {
        try (EventFileWriter writer = EventFileWriter.open(dir)) {
            file = writer.file();
            writer.add(Event.newBuilder().setStep(1).build());
            writer.add(Event.newBuilder().setStep(2).build());
        }
        bytes = Files.readAllBytes(file);
        long firstLength = EventFileReader.read(file).events().getFirst().getSerializedSize();
        secondRecordOffset = TfRecord.OVERHEAD_BYTES + firstLength;
    }

    @Test
    void readsACompleteFile() throws IOException {
        EventFileReader.Contents contents = EventFileReader.read(file);
        assertFalse(contents.truncated());
        assertEquals(3, contents.completeRecords());
        assertEquals(2, contents.events().get(2).getStep());
    }

    @Test
    void stopsAtATruncatedLastRecord() throws IOException {
        // Cut at every byte of the last record, header and footer included.
        int lastRecordStart = bytes.length - (TfRecord.OVERHEAD_BYTES + Event.newBuilder().setStep(2).build().getSerializedSize());
        for (int cut = lastRecordStart + 1; cut < bytes.length; cut++) {
            Files.write(file, Arrays.copyOf(bytes, cut));
            EventFileReader.Contents contents = EventFileReader.read(file);
            assertTrue(contents.truncated(), "cut at " + cut);
            assertEquals(2, contents.completeRecords(), "cut at " + cut);
        }
    }

    @Test
    void namesFileAndOffsetOfACorruptDataCrc() throws IOException {
        int dataCrcAt = (int) secondRecordOffset + TfRecord.HEADER_BYTES + 2;
        bytes[dataCrcAt] ^= 0x01;
        Files.write(file, bytes);
        CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> EventFileReader.read(file));
        assertEquals(secondRecordOffset, e.offset());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + secondRecordOffset), e.getMessage());
        assertTrue(e.getMessage().contains("data CRC mismatch"), e.getMessage());
    }

    @Test
    void namesACorruptLengthCrc() throws IOException {
        bytes[(int) secondRecordOffset + TfRecord.LENGTH_BYTES] ^= 0x10;
        Files.write(file, bytes);
        CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> EventFileReader.read(file));
        assertEquals(secondRecordOffset, e.offset());
        assertTrue(e.getMessage().contains("length CRC mismatch"), e.getMessage());
    }
}
