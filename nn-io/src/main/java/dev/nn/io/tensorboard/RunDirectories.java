package dev.nn.io.tensorboard;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One log directory per training run, named by its start time so runs sort in order. */
public final class RunDirectories {
    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("'run_'yyyy_MM_dd-HH_mm_ss");

    private RunDirectories() {}

    /** Creates {@code root/run_YYYY_MM_DD-HH_MM_SS} in local time, with a suffix if it exists. */
    public static Path newRun(Path root) throws IOException {
        return newRun(root, Clock.systemDefaultZone());
    }

    public static Path newRun(Path root, Clock clock) throws IOException {
        Files.createDirectories(root);
        String name = RUN_NAME.format(LocalDateTime.now(clock));
        Path run = root.resolve(name);
        // createDirectory is atomic, so two runs starting in the same second get distinct directories.
        for (int suffix = 2; ; suffix++) {
            try {
                return Files.createDirectory(run);
            } catch (FileAlreadyExistsException e) {
                run = root.resolve(name + "_" + suffix);
            }
        }
    }
}
