package dev.nn.api.layers;

import dev.nn.api.Ops;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.initializers.Initializers;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Standardizes each feature (the last axis) with a mean and variance learned by {@link #adapt}
 * from data, as Keras's Normalization layer: {@code (x − mean) / √variance}. The mean, variance and
 * example count are non-trainable weights, so they are saved and exported with the model.
 */
public final class Normalization extends Layer {

    /** Keeps constant features from dividing by zero. */
    private static final float EPSILON = 1e-7f;

    private Variable mean;
    private Variable variance;
    private Variable count;

    public Normalization() {
        this(null);
    }

    public Normalization(String name) {
        super(name);
    }

    @Override
    protected void doBuild(int[] inputShape, RandomGenerator random) {
        int features = inputShape[inputShape.length - 1];
        if (features <= 0) {
            throw new IllegalArgumentException("layer '" + name() + "' (Normalization) needs a known last dimension, got "
                    + Shapes.str(inputShape));
        }
        mean = addWeight("mean", new int[] {features}, Initializers.zeros(), false, random);
        variance = addWeight("variance", new int[] {features}, Initializers.ones(), false, random);
        count = addWeight("count", new int[0], Initializers.zeros(), false, random);
    }

    /** Learns each feature's mean and variance from data of shape (n, ..., features). */
    public void adapt(Tensor data) {
        int[] shape = data.shape();
        if (!isBuilt()) {
            int[] s = shape.clone();
            s[0] = -1;
            build(s, new SplittableRandom(0));
        }
        int features = mean.size();
        if (shape[shape.length - 1] != features) {
            throw new IllegalArgumentException("layer '" + name() + "' (Normalization) was built for " + features
                    + " features, adapt got data of shape " + Shapes.str(shape));
        }
        float[] d = data.buffer();
        int rows = d.length / features;
        double[] sum = new double[features];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                sum[f] += d[r * features + f];
            }
        }
        float[] m = new float[features];
        for (int f = 0; f < features; f++) {
            m[f] = (float) (sum[f] / rows);
        }
        double[] sq = new double[features];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                double e = d[r * features + f] - m[f];
                sq[f] += e * e;
            }
        }
        float[] v = new float[features];
        for (int f = 0; f < features; f++) {
            v[f] = (float) (sq[f] / rows);
        }
        mean.assign(m);
        variance.assign(v);
        count.assign(new float[] {rows});
    }

    public Variable mean() {
        return mean;
    }

    public Variable variance() {
        return variance;
    }

    @Override
    protected Tensor call(Tensor x, boolean training) {
        Tensor std = Ops.sqrt(Ops.add(variance.value(), EPSILON));
        return Ops.div(Ops.sub(x, mean.value()), std);
    }
}
