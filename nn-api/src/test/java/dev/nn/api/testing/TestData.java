package dev.nn.api.testing;

import dev.nn.api.Tensor;
import java.util.SplittableRandom;

/**
 * Seeded random tensors for tests: the same seed gives the same numbers on every run.
 *
 * <pre>{@code
 * TestData data = new TestData(42);
 * Tensor x = data.uniform(-1, 1, 3, 4);
 * Tensor y = data.awayFromZero(0.1f, 2f, 3, 4); // safe for relu, abs and other kinks at 0
 * }</pre>
 */
public final class TestData {

    private final SplittableRandom rng;

    public TestData(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    /** Uniform in [lo, hi). */
    public Tensor uniform(float lo, float hi, int... shape) {
        float[] d = new float[size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * (float) rng.nextDouble();
        }
        return Tensor.of(d, shape);
    }

    /** Standard normal values times {@code scale}. */
    public Tensor normal(float scale, int... shape) {
        float[] d = new float[size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * (float) rng.nextGaussian();
        }
        return Tensor.of(d, shape);
    }

    /** Random sign, magnitude uniform in [min, max): keeps inputs away from a kink at 0. */
    public Tensor awayFromZero(float min, float max, int... shape) {
        float[] d = new float[size(shape)];
        for (int i = 0; i < d.length; i++) {
            float m = min + (max - min) * (float) rng.nextDouble();
            d[i] = rng.nextBoolean() ? m : -m;
        }
        return Tensor.of(d, shape);
    }

    /** Values whose magnitude stays in [min, max) and away from {@code ±kink} by at least {@code gap}. */
    public Tensor avoiding(float kink, float gap, float max, int... shape) {
        float[] d = new float[size(shape)];
        for (int i = 0; i < d.length; i++) {
            float m;
            do {
                m = (float) rng.nextDouble() * max;
            } while (Math.abs(m - kink) < gap);
            d[i] = rng.nextBoolean() ? m : -m;
        }
        return Tensor.of(d, shape);
    }

    /** Class indices in [0, classes), shape (rows). */
    public Tensor labels(int rows, int classes) {
        float[] d = new float[rows];
        for (int i = 0; i < rows; i++) {
            d[i] = rng.nextInt(classes);
        }
        return Tensor.of(d, rows);
    }

    /** One-hot rows of the given class indices. */
    public static Tensor oneHot(Tensor labels, int classes) {
        float[] l = labels.toArray();
        float[] d = new float[l.length * classes];
        for (int r = 0; r < l.length; r++) {
            d[r * classes + (int) l[r]] = 1f;
        }
        return Tensor.of(d, l.length, classes);
    }

    /** Random probability rows (positive, each row sums to 1), shape (rows, cols). */
    public Tensor probabilities(int rows, int cols) {
        float[] d = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                d[r * cols + c] = 0.05f + (float) rng.nextDouble();
                sum += d[r * cols + c];
            }
            for (int c = 0; c < cols; c++) {
                d[r * cols + c] /= (float) sum;
            }
        }
        return Tensor.of(d, rows, cols);
    }

    /** 0/1 values, shape as given. */
    public Tensor bits(int... shape) {
        float[] d = new float[size(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextBoolean() ? 1f : 0f;
        }
        return Tensor.of(d, shape);
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
