package dev.nn.api.initializers;

import dev.nn.api.Tensor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The built-in initializers. The variance-scaling family follows Keras: the scale is divided by
 * fan-in, fan-out or their mean; "normal" draws from a normal truncated at two standard
 * deviations, rescaled so the result has the intended variance.
 */
public final class Initializers {

    /** Standard deviation of a unit normal truncated to [−2, 2]. */
    private static final double TRUNCATED_STD = 0.87962566103423978;

    private Initializers() {
    }

    public static Initializer zeros() {
        return constant("zeros", 0f);
    }

    public static Initializer ones() {
        return constant("ones", 1f);
    }

    public static Initializer constant(float value) {
        return constant("constant", value);
    }

    private static Initializer constant(String name, float value) {
        Map<String, Object> config = name.equals("constant") ? Map.of("value", value) : Map.of();
        return new Simple(name, null, config, (shape, r) -> Tensor.full(value, shape));
    }

    public static Initializer randomNormal(double mean, double stddev, Long seed) {
        return new Simple("random_normal", seed, params(seed, "mean", mean, "stddev", stddev), (shape, r) -> fill(shape, () -> (float) (mean + stddev * r.nextGaussian())));
    }

    public static Initializer randomUniform(double min, double max, Long seed) {
        return new Simple("random_uniform", seed, params(seed, "minval", min, "maxval", max), (shape, r) -> fill(shape, () -> (float) (min + (max - min) * r.nextDouble())));
    }

    public static Initializer glorotUniform() {
        return glorotUniform(null);
    }

    public static Initializer glorotUniform(Long seed) {
        return varianceScaling("glorot_uniform", 1.0, Fan.AVG, false, seed);
    }

    public static Initializer glorotNormal(Long seed) {
        return varianceScaling("glorot_normal", 1.0, Fan.AVG, true, seed);
    }

    public static Initializer heUniform(Long seed) {
        return varianceScaling("he_uniform", 2.0, Fan.IN, false, seed);
    }

    public static Initializer heNormal(Long seed) {
        return varianceScaling("he_normal", 2.0, Fan.IN, true, seed);
    }

    public static Initializer lecunNormal(Long seed) {
        return varianceScaling("lecun_normal", 1.0, Fan.IN, true, seed);
    }

    public static Initializer lecunUniform(Long seed) {
        return varianceScaling("lecun_uniform", 1.0, Fan.IN, false, seed);
    }

    /** An initializer by its Keras name, unseeded. */
    public static Initializer get(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "zeros" -> zeros();
            case "ones" -> ones();
            case "random_normal" -> randomNormal(0, 0.05, null);
            case "random_uniform" -> randomUniform(-0.05, 0.05, null);
            case "glorot_uniform" -> glorotUniform(null);
            case "glorot_normal" -> glorotNormal(null);
            case "he_uniform" -> heUniform(null);
            case "he_normal" -> heNormal(null);
            case "lecun_normal" -> lecunNormal(null);
            case "lecun_uniform" -> lecunUniform(null);
            default -> throw new IllegalArgumentException("unknown initializer '" + name
                    + "'; known: zeros, ones, random_normal, random_uniform, glorot_uniform, glorot_normal, "
                    + "he_uniform, he_normal, lecun_normal, lecun_uniform");
        };
    }

    private enum Fan { IN, OUT, AVG }

    private static Initializer varianceScaling(String name, double scale, Fan mode, boolean normal, Long seed) {
        return new Simple(name, seed, params(seed), (shape, r) -> {
            int fanIn = shape.length == 0 ? 1 : (shape.length == 1 ? shape[0] : shape[shape.length - 2]);
            int fanOut = shape.length == 0 ? 1 : shape[shape.length - 1];
            int receptive = 1;
            for (int i = 0; i < shape.length - 2; i++) {
                receptive *= shape[i];
            }
            fanIn *= receptive;
            fanOut *= receptive;
            double fan = switch (mode) {
                case IN -> fanIn;
                case OUT -> fanOut;
                case AVG -> (fanIn + fanOut) / 2.0;
            };
            double variance = scale / Math.max(1.0, fan);
            if (normal) {
                double std = Math.sqrt(variance) / TRUNCATED_STD;
                return fill(shape, () -> (float) (std * truncatedGaussian(r)));
            }
            double limit = Math.sqrt(3.0 * variance);
            return fill(shape, () -> (float) (-limit + 2 * limit * r.nextDouble()));
        });
    }

    private static double truncatedGaussian(RandomGenerator r) {
        double g;
        do {
            g = r.nextGaussian();
        } while (Math.abs(g) > 2.0);
        return g;
    }

    private interface FloatSource {
        float next();
    }

    private static Tensor fill(int[] shape, FloatSource source) {
        int n = 1;
        for (int s : shape) {
            n = Math.multiplyExact(n, s);
        }
        float[] d = new float[n];
        for (int i = 0; i < d.length; i++) {
            d[i] = source.next();
        }
        return Tensor.wrap(d, shape);
    }

    /** Alternating names and values, plus the seed when there is one. */
    private static Map<String, Object> params(Long seed, Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        if (seed != null) {
            m.put("seed", seed);
        }
        return Map.copyOf(m);
    }

    private interface Maker {
        Tensor make(int[] shape, RandomGenerator random);
    }

    /** An initializer by name with an optional fixed seed. */
    private record Simple(String name, Long seed, Map<String, Object> config, Maker maker) implements Initializer {
        @Override
        public Tensor initialize(int[] shape, RandomGenerator random) {
            return maker.make(shape, seed == null ? random : new SplittableRandom(seed));
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
