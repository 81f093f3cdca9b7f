package dev.nn.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data sets that come with this repository's surroundings ({@code ../shared/datasets}, or
 * {@code $NN_SHARED_DATASETS}), used when the usual places (cache, system copies) lack them.
 */
final class SharedData {

    private SharedData() {
    }

    /** The file, or null when no shared copy exists; looks in $NN_SHARED_DATASETS, then beside each parent directory. */
    static Path find(String relative) {
        String env = System.getenv("NN_SHARED_DATASETS");
        if (env != null && Files.exists(Path.of(env, relative))) {
            return Path.of(env, relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
