package dev.nn.io.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.io.tensorboard.proto.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileWriterTest {
    private static final InstantSource FIXED = InstantSource.fixed(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));

    @TempDir
    Path dir;

    @Test
    void startsTheFileWithTheFileVersionRecord() throws Exception {
        Path file;
        try (EventFileWriter writer = EventFileWriter.open(dir.resolve("logs"), Duration.ofSeconds(2), FIXED)) {
            file = writer.file();
        }
        assertTrue(file.getFileName().toString().matches("events\\.out\\.tfevents\\.1700000000\\..+"), file.toString());
        EventFileReader.Contents contents = EventFileReader.read(file);
        assertEquals(1, contents.completeRecords());
        Event first = contents.events().getFirst();
        assertEquals("brain.Event:2", first.getFileVersion());
        assertEquals(1_700_000_000.25, first.getWallTime(), 1e-6);
    }

    @Test
    void twoWritersInTheSameSecondGetTwoFiles() throws Exception {
        try (EventFileWriter a = EventFileWriter.open(dir, Duration.ofSeconds(2), FIXED);
                EventFileWriter b = EventFileWriter.open(dir, Duration.ofSeconds(2), FIXED)) {
            assertNotEquals(a.file(), b.file());
        }
    }

    @Test
    void theBackgroundFlusherMakesEventsVisibleWithoutAnExplicitFlush() throws Exception {
        try (EventFileWriter writer = EventFileWriter.open(dir, Duration.ofMillis(20), FIXED)) {
            writer.add(Event.newBuilder().setStep(7).build());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (EventFileReader.read(writer.file()).completeRecords() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, EventFileReader.read(writer.file()).completeRecords());
        }
    }

    @Test
    void fourThreadsWritingWhileTheFlusherRunsLoseNothing() throws Exception {
        int threads = 4;
        int perThread = 5_000;
        Path file;
        try (EventFileWriter writer = EventFileWriter.open(dir, Duration.ofMillis(1), FIXED);
                ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            file = writer.file();
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long base = (long) t * perThread;
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        writer.add(Event.newBuilder().setStep(base + i).build());
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        }
        EventFileReader.Contents contents = EventFileReader.read(file);
        assertFalse(contents.truncated());
        Set<Long> steps = new HashSet<>();
        for (Event event : contents.events().subList(1, contents.completeRecords())) {
            assertTrue(steps.add(event.getStep()), "step " + event.getStep() + " written twice");
        }
        assertEquals(threads * perThread, steps.size());
    }

    @Test
    void closeIsIdempotentAndAddAfterCloseFailsClearly() throws Exception {
        EventFileWriter writer = EventFileWriter.open(dir, Duration.ofSeconds(2), FIXED);
        writer.close();
        writer.close();
        writer.flush();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.add(Event.getDefaultInstance()));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertTrue(Files.size(writer.file()) > 0);
    }

    @Test
    void rejectsANonPositiveFlushInterval() {
        assertThrows(IllegalArgumentException.class, () -> EventFileWriter.open(dir, Duration.ZERO, FIXED));
    }
}
