package dev.nn.api.saving;

import dev.nn.api.optimizers.Adagrad;
import dev.nn.api.optimizers.Adam;
import dev.nn.api.optimizers.Optimizer;
import dev.nn.api.optimizers.RMSprop;
import dev.nn.api.optimizers.SGD;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimizers as {@code {"name": "adam", "config": {"learning_rate": ..., "beta_1": ...}}}, with
 * Keras's parameter names, and the names their slots are stored under. A learning-rate schedule
 * is saved as the rate it gives at the current step (schedules are code, not config).
 */
final class OptimizerConfigs {

    private OptimizerConfigs() {
    }

    static Map<String, Object> config(Optimizer o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("learning_rate", o.learningRate());
        switch (o) {
            case SGD s -> {
                p.put("momentum", (double) s.momentum());
                p.put("nesterov", s.nesterov());
            }
            case Adam a -> {
                p.put("beta_1", (double) a.beta1());
                p.put("beta_2", (double) a.beta2());
                p.put("epsilon", (double) a.epsilon());
            }
            case RMSprop r -> {
                p.put("rho", (double) r.rho());
                p.put("epsilon", (double) r.epsilon());
            }
            case Adagrad a -> {
                p.put("initial_accumulator_value", (double) a.initialAccumulator());
                p.put("epsilon", (double) a.epsilon());
            }
            default -> {
                // a custom optimizer: rebuilt by its supplier, then given the saved rate
            }
        }
        String name = isBuiltIn(o) ? o.name() : CustomObjects.nameOf(o);
        return ObjectConfigs.named(name, p);
    }

    static Optimizer fromConfig(Config c, CustomObjects custom) {
        String name = c.string("name");
        Config p = c.object("config");
        double lr = p.number("learning_rate");
        Optimizer o = switch (name) {
            case "sgd" -> new SGD(lr, p.number("momentum"), p.bool("nesterov"));
            case "adam" -> new Adam(lr, p.number("beta_1"), p.number("beta_2"), p.number("epsilon"));
            case "rmsprop" -> new RMSprop(lr, p.number("rho"), p.number("epsilon"));
            case "adagrad" -> new Adagrad(lr, p.number("initial_accumulator_value"), p.number("epsilon"));
            default -> custom.create(name, Optimizer.class, "optimizer");
        };
        o.setLearningRate(lr);
        return o;
    }

    /** Names of a variable's slots, in slot order: "optimizer/dense/kernel/m" is Adam's first moment of dense/kernel. */
    static List<String> slotNames(Optimizer o, int count) {
        List<String> known = switch (o) {
            case SGD s -> List.of("momentum");
            case Adam a -> List.of("m", "v");
            case RMSprop r -> List.of("rms");
            case Adagrad a -> List.of("accumulator");
            default -> List.of();
        };
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(i < known.size() ? known.get(i) : "slot" + i);
        }
        return names;
    }

    private static boolean isBuiltIn(Optimizer o) {
        return o instanceof SGD || o instanceof Adam || o instanceof RMSprop || o instanceof Adagrad;
    }
}
