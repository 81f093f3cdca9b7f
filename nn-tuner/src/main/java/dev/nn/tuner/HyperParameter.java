package dev.nn.tuner;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The definition of one hyperparameter: its name, its range, its default and the conditions under
 * which it exists. Values map to [0, 1] ({@link #encode}) so that a Bayesian optimizer can
 * model the search space as a unit cube.
 */
public sealed interface HyperParameter {

    String name();

    /** All must hold for the parameter to exist (nested conditional scopes add one each). */
    List<Condition> conditions();

    Object defaultValue();

    /** A value drawn from the parameter's distribution. */
    Object sample(RandomGenerator random);

    /** 1 for a searched parameter, 0 for a fixed one. */
    default int dimensions() {
        return 1;
    }

    /** The value as a point in [0, 1]. */
    double encode(Object value);

    /** The value at a point in [0, 1]; the inverse of {@link #encode} up to rounding. */
    Object decode(double u);

    /** A value read back from a file (JSON numbers lose their Java type) in this parameter's type; fails when out of range. */
    Object coerce(Object stored);

    private static double clamp(double u) {
        return Math.min(1, Math.max(0, u));
    }

    /** Integers min, min + step, ... up to max. */
    record IntParam(String name, int min, int max, int step, Integer defaultValue, List<Condition> conditions) implements HyperParameter {
        public IntParam {
            if (step < 1 || max < min) {
                throw new IllegalArgumentException("Int '" + name + "': need min <= max and step >= 1, got min " + min
                        + ", max " + max + ", step " + step);
            }
            conditions = List.copyOf(conditions);
        }

        private int count() {
            return (max - min) / step + 1;
        }

        @Override
        public Object sample(RandomGenerator random) {
            return min + step * random.nextInt(count());
        }

        @Override
        public double encode(Object value) {
            return count() == 1 ? 0.5 : (((Number) value).intValue() - min) / step / (double) (count() - 1);
        }

        @Override
        public Object decode(double u) {
            return min + step * (int) Math.round(clamp(u) * (count() - 1));
        }

        @Override
        public Object coerce(Object stored) {
            int v = ((Number) stored).intValue();
            if (v < min || v > max || (v - min) % step != 0) {
                throw new IllegalArgumentException("Int '" + name + "' cannot be " + stored + ": range " + min + ".." + max + " step " + step);
            }
            return v;
        }
    }

    /** Reals between min and max, spread linearly or on a log scale. */
    record FloatParam(String name, double min, double max, Sampling sampling, Double defaultValue, List<Condition> conditions)
            implements HyperParameter {
        public FloatParam {
            if (!(min <= max) || (sampling == Sampling.LOG && !(min > 0))) {
                throw new IllegalArgumentException("Float '" + name + "': need min <= max (and min > 0 for LOG), got " + min + ".." + max);
            }
            conditions = List.copyOf(conditions);
        }

        @Override
        public Object sample(RandomGenerator random) {
            return decode(random.nextDouble());
        }

        @Override
        public double encode(Object value) {
            double v = ((Number) value).doubleValue();
            if (max == min) {
                return 0.5;
            }
            return sampling == Sampling.LOG ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min);
        }

        @Override
        public Object decode(double u) {
            double c = clamp(u);
            double v = sampling == Sampling.LOG ? min * Math.exp(c * Math.log(max / min)) : min + c * (max - min);
            return Math.min(max, Math.max(min, v));
        }

        @Override
        public Object coerce(Object stored) {
            double v = ((Number) stored).doubleValue();
            if (v < min || v > max) {
                throw new IllegalArgumentException("Float '" + name + "' cannot be " + stored + ": range " + min + ".." + max);
            }
            return v;
        }
    }

    /** One of a list of values (numbers, strings or booleans). */
    record ChoiceParam(String name, List<Object> values, Object defaultValue, List<Condition> conditions) implements HyperParameter {
        public ChoiceParam {
            values = List.copyOf(values);
            if (values.isEmpty() || indexIn(values, defaultValue) < 0) {
                throw new IllegalArgumentException("Choice '" + name + "': need at least one value and a default among them, got "
                        + values + " with default " + defaultValue);
            }
            conditions = List.copyOf(conditions);
        }

        private static int indexIn(List<Object> values, Object v) {
            for (int i = 0; i < values.size(); i++) {
                if (Values.same(values.get(i), v)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Object sample(RandomGenerator random) {
            return values.get(random.nextInt(values.size()));
        }

        // Index-scaled: the middle of the i-th of n equal cells.
        @Override
        public double encode(Object value) {
            return (indexIn(values, value) + 0.5) / values.size();
        }

        @Override
        public Object decode(double u) {
            return values.get(Math.min(values.size() - 1, (int) (clamp(u) * values.size())));
        }

        @Override
        public Object coerce(Object stored) {
            int i = indexIn(values, stored);
            if (i < 0) {
                throw new IllegalArgumentException("Choice '" + name + "' cannot be " + stored + "; its values are " + values);
            }
            return values.get(i);
        }
    }

    /** True or false. */
    record BooleanParam(String name, Boolean defaultValue, List<Condition> conditions) implements HyperParameter {
        public BooleanParam {
            conditions = List.copyOf(conditions);
        }

        @Override
        public Object sample(RandomGenerator random) {
            return random.nextBoolean();
        }

        @Override
        public double encode(Object value) {
            return (Boolean) value ? 0.75 : 0.25;
        }

        @Override
        public Object decode(double u) {
            return u >= 0.5;
        }

        @Override
        public Object coerce(Object stored) {
            if (!(stored instanceof Boolean)) {
                throw new IllegalArgumentException("Boolean '" + name + "' cannot be " + stored);
            }
            return stored;
        }
    }

    /** A constant, recorded with the trial but not searched. */
    record FixedParam(String name, Object value, List<Condition> conditions) implements HyperParameter {
        public FixedParam {
            conditions = List.copyOf(conditions);
        }

        @Override
        public Object defaultValue() {
            return value;
        }

        @Override
        public Object sample(RandomGenerator random) {
            return value;
        }

        @Override
        public int dimensions() {
            return 0;
        }

        @Override
        public double encode(Object v) {
            return 0.5;
        }

        @Override
        public Object decode(double u) {
            return value;
        }

        @Override
        public Object coerce(Object stored) {
            return value;
        }
    }
}
