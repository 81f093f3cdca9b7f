package dev.nn.api.saving;

import dev.nn.api.models.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Weights alone, in a file of kind {@code nn.weights}; loading also takes the weights of a whole model file. */
final class WeightsFile {

    private WeightsFile() {
    }

    static void save(Model model, Path path) {
        if (!model.isBuilt()) {
            throw new IllegalStateException("model '" + model.name() + "' has no weights yet: build it before saving its weights");
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", model.name());
        TensorFile.write(path, TensorFile.KIND_WEIGHTS, Json.write(config), tensors(ModelVariables.of(model)));
    }

    /** The current value of every weight, copied so a save can run while nothing else changes them. */
    static List<StoredTensor> tensors(ModelVariables vars) {
        List<StoredTensor> out = new ArrayList<>();
        vars.weights().forEach((name, v) -> out.add(new StoredTensor(name, v.shape(), v.buffer().clone())));
        return out;
    }

    static void load(Model model, Path path) {
        if (!model.isBuilt()) {
            throw new IllegalStateException("model '" + model.name() + "' must be built (an InputLayer, or buildFor) before "
                    + "loading weights into it, so that its weights exist to receive them");
        }
        TensorFile.Contents contents = TensorFile.read(path);
        WeightAssignment.assignAll(path, ModelVariables.of(model).weights(), contents.tensors());
    }
}
