package dev.nn.backend.onnx.importer;

import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.initializers.Initializer;
import dev.nn.api.layers.Layer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One output of an imported ONNX graph as a layer. The layer of the first output owns the graph's
 * initializers as trainable variables; the layers of further outputs share them, so a model with
 * several outputs has each weight once.
 */
final class OnnxGraphLayer extends Layer {

    private final GraphInterpreter graph;
    private final int output;
    private final OnnxGraphLayer owner;
    private final Map<String, Variable> variables = new LinkedHashMap<>();

    OnnxGraphLayer(String name, GraphInterpreter graph, int output, OnnxGraphLayer owner) {
        super(name);
        this.graph = graph;
        this.output = output;
        this.owner = owner;
    }

    @Override
    public String typeName() {
        return "OnnxGraph";
    }

    @Override
    protected void doBuild(int[] inputShape, RandomGenerator random) {
        if (owner != null) {
            return;
        }
        variables.clear();
        for (Map.Entry<String, Tensor> w : graph.weights().entrySet()) {
            Tensor value = w.getValue();
            Initializer fromFile = new Initializer() {
                @Override
                public String name() {
                    return "onnx_initializer";
                }

                @Override
                public Tensor initialize(int[] shape, RandomGenerator r) {
                    return value; // the file's values, whatever the model's seed
                }
            };
            variables.put(w.getKey(), addWeight(w.getKey(), value.shape(), fromFile, true, random));
        }
    }

    @Override
    protected boolean checksInputShape() {
        return false;
    }

    @Override
    protected Tensor call(Tensor input, boolean training) {
        return callMany(List.of(input), training);
    }

    @Override
    protected Tensor callMany(List<Tensor> inputs, boolean training) {
        Map<String, Variable> vars = owner == null ? variables : owner.variables;
        Map<String, Tensor> values = new LinkedHashMap<>();
        vars.forEach((k, v) -> values.put(k, v.value()));
        return graph.run(inputs, values).get(output);
    }
}
