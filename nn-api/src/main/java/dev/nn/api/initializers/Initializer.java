package dev.nn.api.initializers;

import dev.nn.api.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Makes a weight's first value. An initializer with its own seed ignores the generator it is
 * given; one without uses it, so a model's seed decides every weight.
 */
public interface Initializer {

    /** The Keras name, such as "glorot_uniform". */
    String name();

    /** The parameters that, with the name, rebuild it (Keras's {@code get_config}); empty when it has none. */
    default Map<String, Object> config() {
        return Map.of();
    }

    Tensor initialize(int[] shape, RandomGenerator random);
}
