package dev.nn.api.saving;

import dev.nn.api.Variable;
import dev.nn.api.layers.Layer;
import dev.nn.api.models.Model;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A model's weights and layers by path, as stored in the file: a weight keeps its variable name
 * ("dense/kernel"), prefixed with the names of the models it is nested in
 * ("sequential_1/dense/kernel"). A shared layer is listed once.
 */
record ModelVariables(Map<String, Variable> weights, Map<String, Layer> layers) {

    /** Tensor names starting with this hold optimizer state, so no weight may. */
    static final String OPTIMIZER_PREFIX = "optimizer/";

    static ModelVariables of(Model model) {
        ModelVariables vars = new ModelVariables(new LinkedHashMap<>(), new LinkedHashMap<>());
        vars.walk(model, "", Collections.newSetFromMap(new IdentityHashMap<>()));
        return vars;
    }

    private void walk(Model model, String prefix, Set<Layer> seen) {
        for (Layer l : model.layers()) {
            if (!seen.add(l)) {
                continue;
            }
            String path = prefix + l.name();
            if (layers.put(path, l) != null) {
                throw new IllegalArgumentException("model '" + model.name() + "' has two layers named '" + l.name()
                        + "'; give them unique names to save it");
            }
            if (l instanceof Model inner) {
                walk(inner, path + "/", seen);
                continue;
            }
            for (Variable v : l.weights()) {
                String name = prefix + v.name();
                if (name.startsWith(OPTIMIZER_PREFIX) || weights.put(name, v) != null) {
                    throw new IllegalArgumentException("weight '" + name + "' of layer '" + path + "' cannot be saved under "
                            + "that name (it is taken or reserved); rename the layer");
                }
            }
        }
    }

    /** The path of a variable, or null when it is not one of the model's weights. */
    String pathOf(Variable v) {
        for (Map.Entry<String, Variable> e : weights.entrySet()) {
            if (e.getValue() == v) {
                return e.getKey();
            }
        }
        return null;
    }
}
