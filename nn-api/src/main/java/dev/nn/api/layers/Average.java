package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import java.util.List;

/** The element-wise mean of its inputs. */
public final class Average extends Merge {

    public Average() {
        this(null);
    }

    public Average(String name) {
        super(name);
    }

    @Override
    protected Tensor merge(List<Tensor> inputs) {
        Tensor sum = inputs.get(0);
        for (int i = 1; i < inputs.size(); i++) {
            sum = Ops.add(sum, inputs.get(i));
        }
        return Ops.mul(sum, 1f / inputs.size());
    }

    @Override
    protected String verb() {
        return "average";
    }
}
