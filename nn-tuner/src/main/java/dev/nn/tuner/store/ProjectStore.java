package dev.nn.tuner.store;

import dev.nn.tuner.Trial;
import dev.nn.tuner.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A search's directory: {@code project.json} (what search this is) and one folder per trial with
 * {@code trial.json} (hyperparameters, status, score, metrics) and the trial's best weights.
 * Every file is written atomically, so after a kill each record is either old or new, never torn.
 */
public final class ProjectStore {

    private static final String PROJECT = "project.json";
    private static final String TRIAL = "trial.json";

    private final Path root;

    public ProjectStore(Path directory, String projectName) {
        this.root = directory.resolve(projectName);
    }

    public Path root() {
        return root;
    }

    public Path trialDir(String trialId) {
        return root.resolve(trialId);
    }

    /** Deletes everything a previous search left here. */
    public void clear() {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear tuner project " + root, e);
        }
    }

    /**
     * Records what search this directory belongs to, or checks that a search resuming here is
     * the same one (same tuner, objective and seed), since mixing them would corrupt both.
     */
    public void claim(Map<String, Object> identity) {
        Object known = read(PROJECT);
        Object wanted = Json.parse(Json.write(identity)); // as it reads back from the file
        if (known != null && !known.equals(wanted)) {
            throw new IllegalStateException("tuner project " + root + " belongs to another search " + known
                    + "; this one is " + identity + ". Use another project name or overwrite(true)");
        }
        write(PROJECT, identity);
    }

    /** Writes a small JSON file of the project, such as the input shapes needed to rebuild models. */
    public void write(String name, Object value) {
        Path file = root.resolve(name);
        try {
            AtomicFiles.write(file, Json.write(value).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A JSON file of the project, or null when it does not exist. */
    public Object read(String name) {
        Path file = root.resolve(name);
        try {
            return Files.exists(file) ? Json.parse(Files.readString(file)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void write(Trial t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", t.id());
        m.put("index", t.index());
        m.put("seed", t.seed());
        m.put("status", t.status().name());
        m.put("hyperparameters", t.values());
        m.put("tuner", t.info());
        m.put("score", t.score());
        m.put("metrics", t.metrics());
        m.put("message", t.message());
        write(t.id() + "/" + TRIAL, m);
    }

    /** Every trial recorded so far, by index. */
    public List<Trial> trials() {
        List<Trial> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.sorted().toList()) {
                Path file = d.resolve(TRIAL);
                if (Files.isRegularFile(file)) {
                    out.add(readTrial(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trials in " + root, e);
        }
        out.sort(Comparator.comparingInt(Trial::index));
        return out;
    }

    @SuppressWarnings("unchecked") // the shapes this class writes
    private static Trial readTrial(Path file) throws IOException {
        Map<String, Object> m = (Map<String, Object>) Json.parse(Files.readString(file));
        Map<String, Double> metrics = new LinkedHashMap<>();
        ((Map<String, Object>) m.get("metrics")).forEach((k, v) -> metrics.put(k, v == null ? Double.NaN : ((Number) v).doubleValue()));
        Object score = m.get("score");
        return new Trial((String) m.get("trial_id"), ((Number) m.get("index")).intValue(), ((Number) m.get("seed")).longValue(),
                TrialStatus.valueOf((String) m.get("status")), (Map<String, Object>) m.get("hyperparameters"),
                (Map<String, Object>) m.get("tuner"), score == null ? Double.NaN : ((Number) score).doubleValue(), metrics,
                (String) m.get("message"));
    }
}
