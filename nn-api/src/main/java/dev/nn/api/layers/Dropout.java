package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Tensor;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * During training, zeroes each input with probability {@code rate} and scales the others by
 * 1 / (1 − rate); at inference it passes its input through.
 *
 * <p>The n-th mask is drawn from a generator seeded by (stream seed, n), not from one long-lived
 * generator, so two numbers say where the stream stands and a saved model resumes it exactly.
 */
public final class Dropout extends Layer {

    private final float rate;
    private long streamSeed;
    private long masksDrawn;

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

    /** The seed of the mask stream (drawn from the model's seed when built) and the number of masks drawn so far. */
    public long[] streamState() {
        return new long[] {streamSeed, masksDrawn};
    }

    /** Puts the mask stream back where {@link #streamState()} was, to resume training. */
    public void restoreStreamState(long seed, long masks) {
        this.streamSeed = seed;
        this.masksDrawn = masks;
    }

    @Override
    protected void doBuild(int[] inputShape, RandomGenerator random) {
        restoreStreamState(random.nextLong(), 0);
    }

    @Override
    protected Tensor call(Tensor input, boolean training) {
        if (!training || rate == 0f || input.isSymbolic()) {
            return input;
        }
        // nextLong mixes (seed + n), so consecutive masks come from unrelated points of the stream
        long maskSeed = new SplittableRandom(streamSeed + masksDrawn++).nextLong();
        return Ops.dropout(input, rate, new SplittableRandom(maskSeed));
    }
}
