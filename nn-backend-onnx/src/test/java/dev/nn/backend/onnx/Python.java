package dev.nn.backend.onnx;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Debian python3 for tests that compare against PyTorch or the ONNX checker. Where it
 * or a module is missing the test is skipped, except under CI=true, where a missing tool would
 * silently turn a cross-check off, so the test fails instead.
 */
public final class Python {
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_SECONDS = 300;

    private Python() {
    }

    /** Skips the calling test, or fails it under CI=true, unless python3 can import every module. */
    public static void requireModules(String... modules) {
        if (!Files.isExecutable(PYTHON)) {
            unavailable(PYTHON + " is not installed");
        }
        for (String module : modules) {
            Result result = exec("-c", "import " + module);
            if (result.exitCode() != 0) {
                unavailable(PYTHON + " cannot import " + module + " (Debian package python3-" + module + "): "
                        + result.lastLine());
            }
        }
    }

    /** Runs python3 with the arguments and returns its output; fails the test if it exits non-zero. */
    public static String run(String... args) {
        Result result = exec(args);
        if (result.exitCode() != 0) {
            fail(PYTHON + " " + String.join(" ", args) + " exited with " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    private static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason + "; CI=true, so this cross-check must run, not be skipped");
        }
        Assumptions.abort(reason + "; skipping (under CI=true this fails)");
    }

    private record Result(int exitCode, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Result exec(String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // reading to the end first keeps a chatty script from blocking on a full pipe
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            unavailable("cannot start " + PYTHON + ": " + e.getMessage());
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + command, e);
        }
    }
}
