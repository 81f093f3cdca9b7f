package dev.nn.tuner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The text table of {@link Tuner#resultsSummary}: one row per trial, best first, one column per hyperparameter. */
final class ResultsSummary {

    private ResultsSummary() {
    }

    static String format(List<Trial> best, int total, Objective objective) {
        Set<String> names = new LinkedHashSet<>();
        best.forEach(t -> names.addAll(t.values().keySet()));
        List<String> header = new ArrayList<>(List.of("rank", "trial", "score"));
        header.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (int i = 0; i < best.size(); i++) {
            Trial t = best.get(i);
            List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1), t.id(), cell(t.score())));
            for (String n : names) {
                row.add(t.values().containsKey(n) ? cell(t.values().get(n)) : "-");
            }
            rows.add(row);
        }
        int[] width = new int[header.size()];
        rows.forEach(r -> {
            for (int c = 0; c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        });
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Results summary: objective %s, best %d of %d trials%n",
                objective, best.size(), total));
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                line.append(String.format("%-" + (width[c] + 2) + "s", r.get(c)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String cell(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.5g", d) : String.valueOf(v);
    }
}
