package dev.nn.api.saving;

import dev.nn.api.Shapes;
import dev.nn.api.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Matches stored tensors to a model's weights by name and shape, and assigns them only when every
 * one matches, so a failed load leaves the model as it was.
 */
final class WeightAssignment {

    private WeightAssignment() {
    }

    /** Every mismatch between the model's weights and the file's, or an empty list. */
    static List<String> problems(Map<String, Variable> weights, Map<String, StoredTensor> stored) {
        List<String> missing = new ArrayList<>();
        List<String> shapes = new ArrayList<>();
        for (Map.Entry<String, Variable> e : weights.entrySet()) {
            StoredTensor t = stored.get(e.getKey());
            if (t == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(t.shape(), e.getValue().shape())) {
                shapes.add(e.getKey() + " is " + Shapes.str(e.getValue().shape()) + " in the model but "
                        + Shapes.str(t.shape()) + " in the file");
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String name : stored.keySet()) {
            if (!weights.containsKey(name) && !name.startsWith(ModelVariables.OPTIMIZER_PREFIX)) {
                unexpected.add(name);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("weights missing from the file: " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add("weights in the file that the model does not have: " + unexpected);
        }
        if (!shapes.isEmpty()) {
            problems.add("shapes that differ: " + String.join("; ", shapes));
        }
        return problems;
    }

    /** Checks everything, then assigns everything; fails listing every mismatch. */
    static void assignAll(Path file, Map<String, Variable> weights, Map<String, StoredTensor> stored) {
        List<String> problems = problems(weights, stored);
        if (!problems.isEmpty()) {
            throw new ModelFileException(file, "does not fit the model: " + String.join("; ", problems)
                    + ". Nothing was loaded.");
        }
        weights.forEach((name, v) -> v.assign(stored.get(name).data()));
    }
}
