package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import java.util.random.RandomGenerator;

/**
 * During training, zeroes each input with probability {@code rate} and scales the others by
 * 1 / (1 − rate); at inference it passes its input through.
 */
public final class Dropout extends Layer {

    private final float rate;
    private RandomGenerator random;

    public Dropout(double rate) {
        this(null, rate);
    }

    public Dropout(String name, double rate) {
        super(name);
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = (float) rate;
    }

    public float rate() {
        return rate;
    }

    @Override
    protected void doBuild(int[] inputShape, RandomGenerator random) {
        // its own stream, split from the model's, so masks repeat with the model's seed
        this.random = random instanceof java.util.random.RandomGenerator.SplittableGenerator s ? s.split() : random;
    }

    @Override
    protected Tensor call(Tensor input, boolean training) {
        if (!training || rate == 0f || input.isSymbolic()) {
            return input;
        }
        return Ops.dropout(input, rate, random);
    }
}
