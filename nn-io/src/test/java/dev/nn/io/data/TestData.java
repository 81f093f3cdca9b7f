package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates data that lives outside the repository. A test whose data is absent is skipped with a
 * message, except on CI (CI=true), where missing data is a failure: CI must run every test.
 */
public final class TestData {

    private TestData() {
    }

    /** Skips (or on CI fails) the calling test unless {@code path} exists. */
    public static Path require(Path path, String what) {
        if (!Files.exists(path)) {
            String msg = what + " not found at " + path;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(msg + " (CI=true: data-dependent tests must not be skipped)");
            }
            Assumptions.abort(msg + "; skipping");
        }
        return path;
    }

    /**
     * A file under the shared data sets folder, {@code ../shared/datasets} beside the repository
     * root; {@code NN_SHARED_DATASETS} overrides it.
     */
    public static Path sharedDataset(String relative) {
        String env = System.getenv("NN_SHARED_DATASETS");
        Path base = env != null ? Path.of(env) : repositoryRoot().resolveSibling("shared").resolve("datasets");
        return require(base.resolve(relative), "shared data set " + relative);
    }

    private static Path repositoryRoot() {
        // surefire runs in the module directory, nn-io
        Path dir = Path.of("").toAbsolutePath();
        return Files.exists(dir.resolve("pom.xml")) && Files.exists(dir.getParent().resolve("pom.xml"))
                ? dir.getParent() : dir;
    }
}
