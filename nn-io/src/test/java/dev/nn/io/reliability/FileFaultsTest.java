package dev.nn.io.reliability;

import static dev.nn.api.models.CompileOptions.loss;
import static dev.nn.api.models.CompileOptions.optimizer;
import static dev.nn.api.models.FitOptions.callbacks;
import static dev.nn.api.models.FitOptions.epochs;
import static dev.nn.api.models.FitOptions.verbose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nn.api.Tensor;
import dev.nn.api.callbacks.ModelCheckpoint;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.models.Model;
import dev.nn.api.models.Sequential;
import dev.nn.api.saving.Models;
import dev.nn.api.testing.TestData;
import dev.nn.io.tensorboard.EventFileReader;
import dev.nn.io.tensorboard.SummaryWriter;
import dev.nn.io.tensorboard.TensorBoard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving a model and logging to TensorBoard where the disk refuses: a read-only directory or a
 * full disk gives a clear error naming the file, and the file from before stays whole.
 *
 * <p>How each fault is made: a directory without write permission (skipped as root, whose writes
 * chmod does not stop); a tmpfs remounted read-only, and a tmpfs of 64 KiB that fills up (both
 * need root's mount, skipped where mount is refused); a path whose parent is a regular file
 * (runs everywhere). A full disk is a real ENOSPC from tmpfs rather than a fault-injection seam in
 * main code, so the code under test is exactly what runs in production.
 */
class FileFaultsTest {

    @TempDir
    Path dir;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", "-l", mounted.toString());
        }
    }

    private static Sequential model(int width) {
        Sequential m = new Sequential(new InputLayer(4), new Dense(width, "relu"), new Dense(1));
        m.seed(width);
        m.compile(loss("mse"), optimizer("sgd"));
        return m;
    }

    private static void assertHoldsWeightsOf(Model expected, Path file) {
        Model loaded = Models.load(file);
        for (int i = 0; i < expected.getWeights().size(); i++) {
            assertArrayEquals(expected.getWeights().get(i).buffer(), loaded.getWeights().get(i).buffer());
        }
    }

    // ---- read-only --------------------------------------------------------------------------

    @Test
    void saveIntoADirectoryWithoutWritePermissionFailsAndKeepsThePreviousFile() throws IOException {
        assumeFalse(isRoot(), "running as root, whom chmod does not stop: the read-only mount and the "
                + "parent-is-a-file variants cover this");
        Path file = dir.resolve("model.nn");
        Sequential before = model(3);
        before.save(file);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> model(5).save(file));
            assertTrue(e.getMessage().contains("cannot write model file " + file.toAbsolutePath()), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertHoldsWeightsOf(before, file);
    }

    @Test
    void saveAndLoggingOnAReadOnlyMountFailClearlyAndKeepThePreviousFiles() throws Exception {
        Path ro = mountTmpfs("size=1m");
        Path file = ro.resolve("model.nn");
        Sequential before = model(3);
        before.save(file);
        Path logs = ro.resolve("logs");
        try (SummaryWriter w = SummaryWriter.create(logs)) {
            w.scalar("loss", 1.0, 1);
        }
        Path events = eventFiles(logs).getFirst();
        byte[] eventBytes = Files.readAllBytes(events);
        assertEquals(0, run("mount", "-o", "remount,ro", ro.toString()), "remount read-only");

        UncheckedIOException save = assertThrows(UncheckedIOException.class, () -> model(5).save(file));
        assertTrue(save.getMessage().contains("cannot write model file " + file) && save.getMessage().contains("Read-only"),
                save.getMessage());
        UncheckedIOException log = assertThrows(UncheckedIOException.class, () -> SummaryWriter.create(logs));
        assertTrue(log.getMessage().contains("cannot create a TensorBoard event file in " + logs), log.getMessage());

        assertHoldsWeightsOf(before, file);
        assertArrayEquals(eventBytes, Files.readAllBytes(events));
        assertEquals(2, EventFileReader.read(events).completeRecords());
    }

    @Test
    void checkpointAndTensorBoardUnderAPathThatCannotBeADirectoryFailTheFitClearly() throws IOException {
        // works as root too: no one can create a directory inside a regular file
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        Tensor x = new TestData(1).normal(1f, 16, 4);
        Tensor y = new TestData(2).normal(1f, 16, 1);

        Path checkpoint = notADir.resolve("ckpt.nn");
        UncheckedIOException save = assertThrows(UncheckedIOException.class,
                () -> model(3).fit(x, y, epochs(1), verbose(0), callbacks(new ModelCheckpoint(checkpoint))));
        assertTrue(save.getMessage().contains("cannot write model file " + checkpoint), save.getMessage());

        Path logs = notADir.resolve("logs");
        UncheckedIOException log = assertThrows(UncheckedIOException.class,
                () -> model(3).fit(x, y, epochs(1), verbose(0), callbacks(new TensorBoard(logs))));
        assertTrue(log.getMessage().contains("cannot create a TensorBoard event file in " + logs.resolve("train")),
                log.getMessage());
        assertEquals("x", Files.readString(notADir), "the file in the way is untouched");
    }

    // ---- full disk --------------------------------------------------------------------------

    @Test
    void aSaveThatFillsTheDiskFailsClearlyAndKeepsThePreviousFile() throws Exception {
        Path small = mountTmpfs("size=64k");
        Path file = small.resolve("model.nn");
        Sequential before = model(3);
        before.save(file);
        // 4 x 20000 floats: 320 KB, five times the disk
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> model(20_000).save(file));
        assertTrue(e.getMessage().contains("cannot write model file " + file) && e.getMessage().contains("No space left"),
                e.getMessage());
        assertHoldsWeightsOf(before, file);
        try (Stream<Path> s = Files.list(small)) {
            assertEquals(List.of(file), s.toList(), "the failed save left its temporary file behind");
        }
    }

    @Test
    void loggingThatFillsTheDiskFailsClearlyAndTheFileReadsUpToItsLastCompleteRecord() throws Exception {
        Path small = mountTmpfs("size=64k");
        SummaryWriter w = SummaryWriter.create(small.resolve("logs"));
        float[] values = new TestData(3).normal(1f, 1000).buffer();
        RuntimeException failure = null;
        int step = 0;
        try {
            for (; step < 10_000 && failure == null; step++) {
                try {
                    w.histogram("weights", values, step);
                    w.scalar("loss", 1.0 / (step + 1), step);
                    w.flush();
                } catch (UncheckedIOException e) {
                    failure = e;
                }
            }
        } finally {
            try {
                w.close();
            } catch (UncheckedIOException e) {
                // the disk is still full: closing may fail too, and must not damage what was written
            }
        }
        assertTrue(failure != null, "64 KiB never filled up");
        assertTrue(failure.getMessage().contains(w.file().toString()), failure.getMessage());
        EventFileReader.Contents c = EventFileReader.read(w.file()); // a CorruptRecordException fails the test
        assertTrue(c.completeRecords() > 1, "records before the disk filled were lost");
        System.out.println("FileFaultsTest: disk full after " + step + " steps; " + c.completeRecords()
                + " complete records read back, cut last record: " + c.truncated());
    }

    @Test
    void spaceFreedAfterAFailedFlushDoesNotLetTheWriterCorruptTheFile() throws Exception {
        Path small = mountTmpfs("size=64k");
        Path filler = Files.write(small.resolve("filler"), new byte[40 << 10]);
        SummaryWriter w = SummaryWriter.create(small.resolve("logs"));
        float[] values = new TestData(4).normal(1f, 1000).buffer();
        boolean failed = false;
        for (int step = 0; step < 1000 && !failed; step++) {
            try {
                w.histogram("weights", values, step);
                w.flush();
            } catch (UncheckedIOException e) {
                failed = true;
            }
        }
        assertTrue(failed, "the disk never filled up");
        Files.delete(filler); // room again: whatever close() writes now lands in the file
        try {
            w.close();
        } catch (UncheckedIOException e) {
            // reporting the earlier failure again is fine; writing bytes twice is not
        }
        EventFileReader.Contents c = EventFileReader.read(w.file()); // CorruptRecordException fails the test
        assertTrue(c.completeRecords() > 1);
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Mounts a tmpfs on a fresh directory, or skips the test where mounting is not allowed. */
    private Path mountTmpfs(String options) throws Exception {
        Path target = Files.createDirectory(dir.resolve("mnt"));
        boolean ok = isRoot() && run("mount", "-t", "tmpfs", "-o", options, "tmpfs", target.toString()) == 0;
        assumeTrue(ok, "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN); the parent-is-a-file variant still runs");
        mounted = target;
        return target;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static boolean isRoot() throws IOException {
        Path probe = Files.createTempFile("uid", ".probe");
        try {
            return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        } finally {
            Files.delete(probe);
        }
    }

    private static List<Path> eventFiles(Path logDir) throws IOException {
        try (Stream<Path> s = Files.list(logDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents")).toList();
        }
    }
}
