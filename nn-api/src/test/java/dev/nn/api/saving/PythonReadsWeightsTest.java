package dev.nn.api.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nn.api.Variable;
import dev.nn.api.models.Sequential;
import dev.nn.api.optimizers.Adam;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another tool reads the weights without nn: a short Python script with json and numpy. Skipped
 * when Python or numpy is missing, except on CI (CI=true), where that is a failure.
 */
class PythonReadsWeightsTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void pythonReadsTheSavedWeights() throws IOException, InterruptedException, URISyntaxException {
        requirePythonWithNumpy();
        Sequential model = Fixtures.regressor(new Adam());
        Fixtures data = new Fixtures(64, 5);
        model.fit(data.x, data.y, dev.nn.api.models.FitOptions.epochs(2), dev.nn.api.models.FitOptions.verbose(0));
        Path file = dir.resolve("model.nn");
        model.save(file);

        Map<String, Object> expected = new LinkedHashMap<>();
        for (Variable v : model.weights()) {
            List<Long> bits = new ArrayList<>();
            for (float f : v.buffer()) {
                bits.add(Integer.toUnsignedLong(Float.floatToRawIntBits(f)));
            }
            List<Integer> shape = new ArrayList<>();
            for (int d : v.shape()) {
                shape.add(d);
            }
            expected.put(v.name(), Map.of("shape", shape, "bits", bits));
        }
        Path expectedFile = dir.resolve("expected.json");
        Files.writeString(expectedFile, Json.write(expected));
        Path script = Path.of(getClass().getResource("read_weights.py").toURI());

        Result r = run(List.of(PYTHON.toString(), script.toString(), file.toString(), expectedFile.toString()));
        assertEquals(0, r.exit(), "the Python reader failed:\n" + r.output());
        assertTrue(r.output().contains("read 4 weights of sequential without nn"), r.output());
    }

    private static void requirePythonWithNumpy() throws IOException, InterruptedException {
        String missing = !Files.isExecutable(PYTHON) ? PYTHON + " is missing"
                : run(List.of(PYTHON.toString(), "-c", "import json, numpy")).exit() != 0 ? "numpy is not installed for " + PYTHON
                : null;
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + missing + ": the interoperability test must run on CI");
            }
            Assumptions.abort("skipped: " + missing + " (install python3 and numpy to run it)");
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Result(p.exitValue(), out);
    }
}
