package dev.nn.examples;

import dev.nn.io.data.Split;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an example is run with: where to write its files, where to print, and whether to make a
 * short run (few epochs on a subset, for CI) instead of the book's full one.
 *
 * @param outputDir  the example's own output directory (created on demand)
 * @param out        where the example prints what the book prints
 * @param shortRun   few epochs on a small subset
 * @param epochs     epochs to train, or 0 for the example's default
 * @param batchSize  examples per step, or 0 for the example's default
 */
record ExampleContext(Path outputDir, PrintStream out, boolean shortRun, int epochs, int batchSize) {

    /** The batch size to train with: the override when given, else the example's default. */
    int batchSizeOr(int standard) {
        return batchSize > 0 ? batchSize : standard;
    }

    /** The epochs to train: the override when given, else a short or full default. */
    int epochsOr(int full, int shortDefault) {
        return epochs > 0 ? epochs : (shortRun ? shortDefault : full);
    }

    /** The rows to train on: the first {@code shortRows} of the split on a short run, else all of it. */
    Split trainingRows(Split split, int shortRows) {
        return shortRun ? split.first(shortRows) : split;
    }

    /** A file in the output directory, creating the directory. */
    Path file(String name) throws IOException {
        Files.createDirectories(outputDir);
        return outputDir.resolve(name);
    }
}
