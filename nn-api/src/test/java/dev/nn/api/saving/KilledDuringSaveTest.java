package dev.nn.api.saving;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nn.api.Variable;
import dev.nn.api.models.Model;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed in the middle of saving leaves a file that loads: a child JVM saves in a loop
 * and is killed at random moments; after each kill the file loads, whole, with the weights of
 * one single save no older than the last one the child reported.
 */
class KilledDuringSaveTest {

    private static final int KILLS = 6;

    @TempDir
    Path dir;

    @Test
    void theFileAlwaysLoadsAfterAKill() throws Exception {
        Path file = dir.resolve("model.nn");
        SplittableRandom random = new SplittableRandom();
        for (int run = 1; run <= KILLS; run++) {
            AtomicInteger lastReported = new AtomicInteger();
            Process child = startSaveLoop(file, lastReported);
            long delay = random.nextLong(50, 400);
            Thread.sleep(delay);
            int before = lastReported.get();
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");

            Model loaded = Models.load(file);
            float value = loaded.weights().get(0).buffer()[0];
            for (Variable v : loaded.weights()) {
                for (float f : v.buffer()) {
                    if (f != value) {
                        fail("run " + run + ": weights of two saves mixed in one file (" + value + " and " + f + ")");
                    }
                }
            }
            assertTrue(value >= before, "run " + run + ": loaded save " + value + " but the child had reported save " + before);
            long strays = countTempFiles();
            System.out.printf("kill %d: %d ms after the first save, child had reported save %d, file holds save %.0f, "
                    + "%d stray temp file(s)%n", run, delay, before, value, strays);
        }
    }

    /** Starts the child and waits for its first save, so the file exists before the kill. */
    private Process startSaveLoop(Path file, AtomicInteger lastReported) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), file.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Object firstSave = new Object();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("saved ")) {
                        lastReported.set(Integer.parseInt(line.substring(6)));
                        synchronized (firstSave) {
                            firstSave.notifyAll();
                        }
                    }
                }
            } catch (IOException e) {
                // the child was killed: its output ends here
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (firstSave) {
            while (lastReported.get() == 0 && child.isAlive() && System.nanoTime() < deadline) {
                firstSave.wait(100);
            }
        }
        if (lastReported.get() == 0) {
            child.destroyForcibly();
            fail("the save loop never saved: " + command);
        }
        return child;
    }

    private long countTempFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }
}
