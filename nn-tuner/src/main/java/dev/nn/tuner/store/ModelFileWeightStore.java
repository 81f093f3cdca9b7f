package dev.nn.tuner.store;

import dev.nn.api.models.Model;
import java.nio.file.Path;

/**
 * A trial's weights as nn's weights file ({@code weights.safetensors}, see dev.nn.api.saving):
 * checksummed, written atomically, readable by any safetensors reader, and checked name by name
 * and shape by shape when loaded.
 */
public final class ModelFileWeightStore implements WeightStore {

    static final String FILE = "weights.safetensors";

    @Override
    public void save(Model model, Path dir) {
        model.saveWeights(dir.resolve(FILE));
    }

    @Override
    public void load(Model model, Path dir) {
        model.loadWeights(dir.resolve(FILE));
    }
}
