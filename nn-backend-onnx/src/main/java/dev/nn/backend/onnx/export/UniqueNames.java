package dev.nn.backend.onnx.export;

import java.util.HashSet;
import java.util.Set;

/** Hands out names that are unique within one namespace of a graph (node names, or value names). */
final class UniqueNames {
    private final Set<String> used = new HashSet<>();

    /** The wanted name if free, else the first free of "wanted_1", "wanted_2", ... */
    String claim(String wanted) {
        if (used.add(wanted)) {
            return wanted;
        }
        for (int i = 1; ; i++) {
            String candidate = wanted + "_" + i;
            if (used.add(candidate)) {
                return candidate;
            }
        }
    }

    /** Claims a name that must be exactly this one (a graph input or output). */
    String claimExactly(String name, String what) {
        if (!used.add(name)) {
            throw new IllegalArgumentException(what + " '" + name + "' is used twice; ONNX needs every value name unique");
        }
        return name;
    }
}
