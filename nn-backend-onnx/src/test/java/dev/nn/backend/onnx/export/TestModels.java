package dev.nn.backend.onnx.export;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import dev.nn.api.activations.Activations;
import dev.nn.api.layers.Activation;
import dev.nn.api.layers.Dense;
import dev.nn.api.layers.Dropout;
import dev.nn.api.layers.Flatten;
import dev.nn.api.layers.InputLayer;
import dev.nn.api.layers.Layer;
import dev.nn.api.layers.Normalization;
import dev.nn.api.models.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Seeded nn models that together use every op an inference graph can hold (shared with the importer's tests). */
public final class TestModels {
    private TestModels() {
    }

    /**
     * A model to export, with the range its random inputs are drawn from.
     *
     * @param name  shown as the test's name
     */
    public record Case(String name, Supplier<Sequential> model, float lo, float hi) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Géron's Fashion-MNIST classifier: 28×28 → Flatten → 300 relu → 100 relu → 10 softmax. */
    public static Sequential fashionMlp() {
        return seeded(new Sequential(new InputLayer(28, 28), new Flatten(),
                new Dense(300, "relu"), new Dense(100, "relu"), new Dense(10, "softmax")));
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("fashion_mlp", TestModels::fashionMlp, 0f, 1f));
        for (String act : List.of("linear", "relu", "sigmoid", "tanh", "softplus", "selu", "elu", "leaky_relu",
                "heaviside", "softmax")) {
            // the Dense fuses its activation where it can; the Activation layer is a separate op
            cases.add(new Case("activation_" + act, () -> seeded(new Sequential(new InputLayer(6),
                    new Dense(8, act), new Dense(5), new Activation(act))), -2f, 2f));
        }
        cases.add(new Case("alphas", () -> seeded(new Sequential(new InputLayer(6),
                new Dense(8, Activations.leakyRelu(0.05f)), new Dense(8, Activations.elu(0.5f)),
                new Dense(8, Activations.leakyRelu(-0.3f)), new Dense(8, Activations.elu(2f)),
                new Activation(Activations.leakyRelu(1.5f)))), -3f, 3f));
        cases.add(new Case("normalization_dense", TestModels::normalized, -5f, 15f));
        cases.add(new Case("dropout", () -> seeded(new Sequential(new InputLayer(10), new Dense(16, "relu"),
                new Dropout(0.5), new Dense(3, "softmax"))), -1f, 1f));
        cases.add(new Case("dense_on_rank3", () -> seeded(new Sequential(new InputLayer(4, 5),
                new Dense(3, "relu"), Dense.builder(6).useBias(false).activation("tanh").build(),
                new Flatten(), new Dense(2, "sigmoid"))), -1f, 1f));
        cases.add(new Case("unary_ops", () -> seeded(new Sequential(new InputLayer(7), new Dense(9),
                lambda("positive", x -> Ops.add(Ops.abs(x), 0.5f)),
                lambda("logs", x -> Ops.add(Ops.log(x), Ops.sqrt(x))),
                lambda("powers", x -> Ops.sub(Ops.exp(Ops.neg(x)), Ops.square(x))),
                lambda("huber", x -> Ops.huber(x, 0.7f)),
                lambda("clipped", x -> Ops.clip(x, -0.25f, 1.5f)))), -2f, 2f));
        cases.add(new Case("shapes_and_reductions", () -> seeded(new Sequential(new InputLayer(6), new Dense(12),
                lambda("grid", x -> Ops.reshape(x, -1, 3, 4)),
                lambda("stats", x -> Ops.concat(List.of(Ops.sum(x, 1, true), Ops.mean(x, 1, true), x), 1)),
                lambda("rows", x -> Ops.add(Ops.mean(x, 2, false), Ops.sum(x, -1, false))),
                lambda("total", x -> Ops.sub(x, Ops.mean(x))),
                lambda("matmul", x -> Ops.matmul(x, Tensor.of(new float[][] {{1f, -1f}, {0.5f, 2f}, {-1f, 0f},
                        {0.25f, 0.25f}, {2f, 1f}}))),
                lambda("log_softmax", Ops::logSoftmax))), -1f, 1f));
        return cases;
    }

    public static Sequential byName(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().model().get();
    }

    private static Sequential normalized() {
        Normalization norm = new Normalization();
        Sequential model = seeded(new Sequential(new InputLayer(4), norm, new Dense(6, "relu"), new Dense(2)));
        norm.adapt(Inputs.uniform(7, -5f, 15f, 50, new int[] {-1, 4}));
        return model;
    }

    private static Layer lambda(String name, UnaryOperator<Tensor> fn) {
        return new Lambda(name, fn);
    }

    private static Sequential seeded(Sequential model) {
        model.seed(42);
        return model;
    }
}
