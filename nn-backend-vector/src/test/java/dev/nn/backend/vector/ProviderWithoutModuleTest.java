package dev.nn.backend.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The provider must load, and explain itself, in a JVM started without the Vector API module. */
class ProviderWithoutModuleTest {

    /** Run in the child JVM: prints the provider's reason and the registry's view of it. */
    public static void main(String[] args) {
        VectorBackendProvider p = new VectorBackendProvider();
        System.out.println("reason=" + p.unavailableReason());
        System.out.println("available=" + dev.nn.api.backend.Backends.available());
    }

    @Test
    void reportsTheMissingModuleInsteadOfFailingToLoad() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ProviderWithoutModuleTest.class.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("reason=the JVM was started without the module jdk.incubator.vector"), out);
        assertTrue(out.contains("--add-modules jdk.incubator.vector"), out);
        assertTrue(out.contains("vector (unavailable:"), out);
    }
}
