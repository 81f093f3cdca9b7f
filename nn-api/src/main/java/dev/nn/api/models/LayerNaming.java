package dev.nn.api.models;

import dev.nn.api.layers.Layer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** How a model takes over the layers of its graph: unique automatic names, then seeded weights. */
final class LayerNaming {

    private LayerNaming() {
    }

    /**
     * Names the unnamed layers "dense", "dense_1", ... in the given order, avoiding the names
     * already taken, and lets each layer redraw weights drawn before a model owned it.
     */
    static void claim(List<Layer> layers, RandomGenerator random, String model) {
        Set<String> used = new HashSet<>();
        for (Layer l : layers) {
            if (!l.isUnnamed() && !used.add(l.name())) {
                throw new IllegalArgumentException("model '" + model + "' has two layers named '" + l.name()
                        + "'; layer names must be unique within a model");
            }
        }
        for (Layer l : layers) {
            String automatic = null;
            if (l.isUnnamed()) {
                automatic = unique(l.defaultName(), used);
                used.add(automatic);
            }
            l.claim(automatic, random);
        }
    }

    /** {@code base}, or {@code base_1}, {@code base_2} ... whichever is free first. */
    private static String unique(String base, Set<String> used) {
        if (!used.contains(base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            if (!used.contains(base + "_" + i)) {
                return base + "_" + i;
            }
        }
    }
}
