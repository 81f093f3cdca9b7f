package dev.nn.api.saving;

import dev.nn.api.activations.ActivationFunction;
import dev.nn.api.activations.Activations;
import dev.nn.api.initializers.Initializer;
import dev.nn.api.initializers.Initializers;
import dev.nn.api.losses.Loss;
import dev.nn.api.losses.Losses;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Activations, initializers and losses as {@code {"name": ..., "config": {...}}}: the Keras name
 * plus the parameters that name alone does not fix.
 */
final class ObjectConfigs {

    private ObjectConfigs() {
    }

    static Map<String, Object> named(String name, Map<String, Object> config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("config", new LinkedHashMap<>(config));
        return m;
    }

    // ---- activations -----------------------------------------------------------------------

    static Map<String, Object> activation(ActivationFunction f) {
        return named(f.name(), Map.of("alpha", f.alpha()));
    }

    static ActivationFunction activation(Config c) {
        String name = c.string("name");
        float alpha = (float) c.object("config").number("alpha");
        return switch (name) {
            case "leaky_relu" -> Activations.leakyRelu(alpha);
            case "elu" -> Activations.elu(alpha);
            default -> Activations.get(name);
        };
    }

    // ---- initializers ----------------------------------------------------------------------

    static Map<String, Object> initializer(Initializer init) {
        return named(init.name(), init.config());
    }

    static Initializer initializer(Config c) {
        String name = c.string("name");
        Config p = c.object("config");
        Long seed = p.has("seed") ? p.integer("seed") : null;
        return switch (name) {
            case "constant" -> Initializers.constant((float) p.number("value"));
            case "random_normal" -> Initializers.randomNormal(p.number("mean"), p.number("stddev"), seed);
            case "random_uniform" -> Initializers.randomUniform(p.number("minval"), p.number("maxval"), seed);
            case "glorot_uniform" -> Initializers.glorotUniform(seed);
            case "glorot_normal" -> Initializers.glorotNormal(seed);
            case "he_uniform" -> Initializers.heUniform(seed);
            case "he_normal" -> Initializers.heNormal(seed);
            case "lecun_uniform" -> Initializers.lecunUniform(seed);
            case "lecun_normal" -> Initializers.lecunNormal(seed);
            default -> Initializers.get(name);
        };
    }

    // ---- losses ----------------------------------------------------------------------------

    static Map<String, Object> loss(Loss loss) {
        return named(loss.name(), loss.config());
    }

    static Loss loss(Config c, CustomObjects custom) {
        String name = c.string("name");
        Config p = c.object("config");
        return switch (name) {
            case "huber" -> Losses.huber((float) p.number("delta"));
            case "binary_crossentropy" -> Losses.binaryCrossentropy(p.bool("from_logits"));
            case "categorical_crossentropy" -> Losses.categoricalCrossentropy(p.bool("from_logits"));
            case "sparse_categorical_crossentropy" -> Losses.sparseCategoricalCrossentropy(p.bool("from_logits"));
            case "mean_squared_error", "mean_absolute_error", "perceptron" -> Losses.get(name);
            default -> custom.create(name, Loss.class, "loss");
        };
    }
}
