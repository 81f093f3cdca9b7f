package dev.nn.api.callbacks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one CSV row per epoch, as Keras's CSVLogger: a header {@code epoch,loss,...} (the logged
 * names, sorted) and the 0-based epoch with its values. With {@code append}, rows are added to an
 * existing file (the header only when the file is new or empty), for resumed training.
 */
public final class CSVLogger extends Callback {

    private final Path file;
    private final String separator;
    private final boolean append;
    private BufferedWriter out;
    private List<String> keys;

    public CSVLogger(Path file) {
        this(file, ",", false);
    }

    public CSVLogger(Path file, String separator, boolean append) {
        this.file = file;
        this.separator = separator;
        this.append = append;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        try {
            boolean hasRows = append && Files.exists(file) && Files.size(file) > 0;
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            keys = null;
            if (hasRows) {
                keys = headerOf(file); // keep the existing column order
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private List<String> headerOf(Path f) throws IOException {
        try (var lines = Files.lines(f, StandardCharsets.UTF_8)) {
            String header = lines.findFirst().orElse("");
            List<String> cols = new ArrayList<>(List.of(header.split(java.util.regex.Pattern.quote(separator))));
            cols.remove(0); // "epoch"
            return cols;
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        try {
            if (keys == null) {
                keys = logs.keySet().stream().sorted().toList();
                out.write("epoch" + separator + String.join(separator, keys));
                out.newLine();
            }
            StringBuilder row = new StringBuilder().append(epoch);
            for (String k : keys) {
                Double v = logs.get(k);
                row.append(separator).append(v == null ? "NA" : v.toString());
            }
            out.write(row.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        try {
            if (out != null) {
                out.close();
                out = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
