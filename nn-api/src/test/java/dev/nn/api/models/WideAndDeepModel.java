package dev.nn.api.models;

import dev.nn.api.Tensor;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Layers;
import java.util.List;

/**
 * The book's subclassed wide and deep network: the wide input (features 0-4) skips the hidden
 * layers, the deep input (features 2-7) goes through two; a main output on both and an auxiliary
 * output on the deep path alone.
 */
public final class WideAndDeepModel extends Model {

    private final Dense hidden1;
    private final Dense hidden2;
    private final Dense mainOutput = Dense.builder(1).name("main_output").build();
    private final Dense auxOutput = Dense.builder(1).name("aux_output").build();

    public WideAndDeepModel(int units, String activation) {
        super("wide_and_deep");
        hidden1 = new Dense(units, activation);
        hidden2 = new Dense(units, activation);
    }

    @Override
    public List<String> inputNames() {
        return List.of("input_wide", "input_deep");
    }

    @Override
    protected List<Tensor> call(List<Tensor> inputs, boolean training) {
        Tensor wide = inputs.get(0);
        Tensor deep = inputs.get(1);
        Tensor h1 = hidden1.apply(List.of(deep), training);
        Tensor h2 = hidden2.apply(List.of(h1), training);
        Tensor concat = Layers.concatenate(wide, h2);
        return List.of(mainOutput.apply(List.of(concat), training), auxOutput.apply(List.of(h2), training));
    }
}
