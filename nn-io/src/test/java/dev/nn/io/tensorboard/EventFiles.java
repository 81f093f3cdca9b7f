package dev.nn.io.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the one event file a test wrote. */
final class EventFiles {
    private EventFiles() {}

    static Path onlyEventFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> events = files.filter(f -> f.getFileName().toString().startsWith(EventFileWriter.FILE_PREFIX))
                    .toList();
            assertEquals(1, events.size(), "event files in " + dir + ": " + events);
            return events.getFirst();
        }
    }
}
