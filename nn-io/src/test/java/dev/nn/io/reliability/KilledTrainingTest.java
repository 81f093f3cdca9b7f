package dev.nn.io.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.models.Model;
import dev.nn.api.saving.Models;
import dev.nn.io.tensorboard.EventFileReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run killed at a random moment (SIGKILL through {@code destroyForcibly}, 20 times)
 * leaves a checkpoint that loads, no older than the last epoch the child reported, and event
 * files that read up to their last complete record: a cut record at the end is allowed, a
 * corrupt one anywhere is not.
 */
@Timeout(300)
class KilledTrainingTest {

    private static final int RUNS = 20;

    @TempDir
    Path dir;

    @Test
    void everyKillLeavesALoadableCheckpointAndReadableEventFiles() throws Exception {
        SplittableRandom random = new SplittableRandom(2024);
        int truncatedFiles = 0;
        int eventFiles = 0;
        for (int run = 1; run <= RUNS; run++) {
            Path runDir = dir.resolve("run" + run);
            AtomicInteger reported = new AtomicInteger();
            Process child = start(runDir, reported);
            long delay = random.nextLong(0, 400);
            Thread.sleep(delay);
            int before = reported.get();
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "run " + run + ": the child did not die");

            Model loaded = Models.load(runDir.resolve("last.nn"));
            assertTrue(loaded.epochsCompleted() >= before, "run " + run + ": the checkpoint holds epoch "
                    + loaded.epochsCompleted() + " but the child had reported epoch " + before);
            List<Path> files;
            try (Stream<Path> s = Files.walk(runDir.resolve("logs"))) {
                files = s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents")).toList();
            }
            assertFalse(files.isEmpty(), "run " + run + ": no event files");
            int records = 0;
            for (Path f : files) {
                EventFileReader.Contents c = EventFileReader.read(f); // throws CorruptRecordException on damage
                assertTrue(c.completeRecords() >= 1, f + " lost its file_version record");
                records += c.completeRecords();
                truncatedFiles += c.truncated() ? 1 : 0;
                eventFiles++;
            }
            System.out.printf("kill %2d: after %3d ms, child reported epoch %d, checkpoint at epoch %d, %d event records%n",
                    run, delay, before, loaded.epochsCompleted(), records);
        }
        System.out.println("KilledTrainingTest: " + RUNS + " kills, " + eventFiles + " event files read, "
                + truncatedFiles + " ended in a cut record");
    }

    /** Starts the child and waits until it reports its first checkpoint, so there is one to check. */
    private static Process start(Path runDir, AtomicInteger reported) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), TrainUntilKilled.class.getName(), runDir.toString())
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("epoch ")) {
                        reported.set(Integer.parseInt(line.substring(6).trim()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the child was killed: its output ends here
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (reported.get() == 0 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(reported.get() > 0, "the child saved no checkpoint within 60 s (alive: " + child.isAlive() + ")");
        return child;
    }
}
