package dev.nn.io.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoriesTest {
    private static final Clock CLOCK = Clock.fixed(
            LocalDateTime.of(2026, 3, 7, 9, 5, 4).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void namesTheRunByItsStartTimeAndUniquifiesIt() throws Exception {
        Path logs = root.resolve("my_logs");
        Path first = RunDirectories.newRun(logs, CLOCK);
        Path second = RunDirectories.newRun(logs, CLOCK);
        assertEquals(logs.resolve("run_2026_03_07-09_05_04"), first);
        assertEquals(logs.resolve("run_2026_03_07-09_05_04_2"), second);
        assertTrue(Files.isDirectory(first) && Files.isDirectory(second));
    }
}
