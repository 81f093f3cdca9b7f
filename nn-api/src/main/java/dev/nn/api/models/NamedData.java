package dev.nn.api.models;

import dev.nn.api.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Data given by input or output name, put in the model's positional order. */
final class NamedData {

    private NamedData() {
    }

    /**
     * The tensors of {@code byName} in the order of {@code names}; fails on a missing or unknown
     * name, listing the names the model has.
     */
    static List<Tensor> inOrder(Map<String, Tensor> byName, List<String> names, String kind, Model model) {
        if (names.isEmpty()) {
            throw new IllegalStateException("model '" + model.name() + "' does not know its " + kind + " names before it "
                    + "is built: pass the data as a list, call buildFor(...) first, or override inputNames()");
        }
        TreeSet<String> unknown = new TreeSet<>(byName.keySet());
        names.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("model '" + model.name() + "' has no " + kind + (unknown.size() == 1 ? " named " : "s named ")
                    + quoted(unknown) + "; its " + kind + "s are " + quoted(names));
        }
        List<Tensor> out = new ArrayList<>(names.size());
        for (String n : names) {
            Tensor t = byName.get(n);
            if (t == null) {
                throw new IllegalArgumentException("no data for " + kind + " '" + n + "' of model '" + model.name()
                        + "'; data was given for " + quoted(byName.keySet()));
            }
            out.add(t);
        }
        return out;
    }

    private static String quoted(Iterable<String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (String n : names) {
            sb.append(sb.length() == 1 ? "'" : ", '").append(n).append('\'');
        }
        return sb.append(']').toString();
    }
}
