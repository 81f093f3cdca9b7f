package dev.nn.tuner.cv;

import java.util.List;
import java.util.random.RandomGenerator;

/** Where a randomized search draws one parameter from, as scipy.stats distributions do for scikit-learn. */
public sealed interface Distribution {

    Object sample(RandomGenerator random);

    /** Log-uniform on [low, high], scipy's {@code reciprocal} (or {@code loguniform}): good for learning rates. */
    static Distribution reciprocal(double low, double high) {
        return new Reciprocal(low, high);
    }

    /** Uniform on [low, high). (scipy's {@code uniform(loc, scale)} spans [loc, loc + scale].) */
    static Distribution uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /** Integers low, ..., high - 1, as {@code randint(low, high)} and {@code np.arange}. */
    static Distribution randint(int low, int high) {
        return new IntRange(low, high);
    }

    /** One of the values, equally likely, as a list in a parameter grid. */
    static Distribution choice(Object... values) {
        return new Choice(List.of(values));
    }

    record Reciprocal(double low, double high) implements Distribution {
        public Reciprocal {
            if (!(low > 0 && low < high)) {
                throw new IllegalArgumentException("reciprocal needs 0 < low < high, got " + low + ", " + high);
            }
        }

        @Override
        public Object sample(RandomGenerator random) {
            return low * Math.exp(random.nextDouble() * Math.log(high / low));
        }
    }

    record Uniform(double low, double high) implements Distribution {
        public Uniform {
            if (!(low < high)) {
                throw new IllegalArgumentException("uniform needs low < high, got " + low + ", " + high);
            }
        }

        @Override
        public Object sample(RandomGenerator random) {
            return low + random.nextDouble() * (high - low);
        }
    }

    record IntRange(int low, int high) implements Distribution {
        public IntRange {
            if (low >= high) {
                throw new IllegalArgumentException("randint needs low < high (high excluded), got " + low + ", " + high);
            }
        }

        @Override
        public Object sample(RandomGenerator random) {
            return random.nextInt(low, high);
        }
    }

    record Choice(List<Object> values) implements Distribution {
        public Choice {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("choice needs at least one value");
            }
        }

        @Override
        public Object sample(RandomGenerator random) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
