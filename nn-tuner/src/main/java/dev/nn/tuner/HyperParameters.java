package dev.nn.tuner;

import dev.nn.tuner.HyperParameter.BooleanParam;
import dev.nn.tuner.HyperParameter.ChoiceParam;
import dev.nn.tuner.HyperParameter.FixedParam;
import dev.nn.tuner.HyperParameter.FloatParam;
import dev.nn.tuner.HyperParameter.IntParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What a model-building function asks for its hyperparameters, as in Keras Tuner:
 *
 * <pre>{@code
 * int layers = hp.Int("n_hidden", 0, 8, 1, 2);
 * double lr = hp.Float("learning_rate", 1e-4, 1e-2, Sampling.LOG, 3e-3);
 * String opt = hp.Choice("optimizer", List.of("sgd", "adam"));
 * double momentum = hp.conditionalScope("optimizer", "sgd", () -> hp.Float("momentum", 0, 0.95)).orElse(0.0);
 * }</pre>
 *
 * Each call declares the parameter in the tuner's {@link SearchSpace} (so the space is discovered
 * as the function runs) and returns this trial's value: the one the tuner proposed, else one
 * drawn at random (when the tuner samples), else the default. A parameter declared inside a
 * {@link #conditionalScope} exists only when its parent has the given value; the body does not
 * run otherwise, so inactive parameters never reach {@link #values()}.
 *
 * <p>One object serves one model build, on one thread. The values a trial ends with are the
 * immutable snapshot {@link #values()}.
 */
public final class HyperParameters {

    private final SearchSpace space;
    private final Map<String, Object> proposed;
    private final RandomGenerator sampler; // null: unproposed parameters take their default
    private final Map<String, Object> active = new LinkedHashMap<>();
    private final Deque<Condition> scope = new ArrayDeque<>();

    /** Every parameter at its default, in a space of its own (to build a model outside a search). */
    public HyperParameters() {
        this(new SearchSpace(), Map.of(), null);
    }

    /**
     * @param space    where declarations are recorded
     * @param proposed values chosen by the tuner; a proposal for a parameter that turns out inactive is ignored
     * @param sampler  draws values for parameters without a proposal; null to use defaults
     */
    public HyperParameters(SearchSpace space, Map<String, Object> proposed, RandomGenerator sampler) {
        this.space = space;
        this.proposed = Values.frozen(proposed);
        this.sampler = sampler;
    }

    /**
     * Fixed values, such as a tuner's best: {@link #values()} and {@link #get} give them at once,
     * and a build reads them (parameters not among them take their default).
     */
    public static HyperParameters of(Map<String, Object> values) {
        HyperParameters hp = new HyperParameters(new SearchSpace(), Map.of(), null);
        hp.active.putAll(values);
        return hp;
    }

    // ---- declarations ----------------------------------------------------------------------

    /** An integer from min to max, step 1, default min. */
    public int Int(String name, int min, int max) {
        return Int(name, min, max, 1, min);
    }

    /** An integer among min, min + step, ... up to max. */
    public int Int(String name, int min, int max, int step, int defaultValue) {
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("Int '" + name + "': default " + defaultValue + " is outside " + min + ".." + max);
        }
        return (Integer) value(new IntParam(name, min, max, step, defaultValue, conditions()));
    }

    /** A real from min to max, linear, default min. */
    public double Float(String name, double min, double max) {
        return Float(name, min, max, Sampling.LINEAR, min);
    }

    /** A real from min to max, default min. */
    public double Float(String name, double min, double max, Sampling sampling) {
        return Float(name, min, max, sampling, min);
    }

    public double Float(String name, double min, double max, Sampling sampling, double defaultValue) {
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("Float '" + name + "': default " + defaultValue + " is outside " + min + ".." + max);
        }
        return (Double) value(new FloatParam(name, min, max, sampling, defaultValue, conditions()));
    }

    /** One of the values, default the first. */
    public <T> T Choice(String name, List<T> values) {
        return Choice(name, values, values.isEmpty() ? null : values.get(0));
    }

    @SuppressWarnings("unchecked") // the value returned is one of the given values
    public <T> T Choice(String name, List<T> values, T defaultValue) {
        return (T) value(new ChoiceParam(name, new ArrayList<>(values), defaultValue, conditions()));
    }

    /** True or false, default false. */
    public boolean Boolean(String name) {
        return Boolean(name, false);
    }

    public boolean Boolean(String name, boolean defaultValue) {
        return (Boolean) value(new BooleanParam(name, defaultValue, conditions()));
    }

    /** A constant, recorded with the trial. */
    public <T> T Fixed(String name, T value) {
        value(new FixedParam(name, value, conditions()));
        return value;
    }

    /**
     * Runs {@code body} only when {@code parent} (declared earlier in this build) has
     * {@code value}; parameters declared inside exist only under that condition.
     *
     * @return the body's result, or empty when the condition does not hold
     */
    public <T> Optional<T> conditionalScope(String parent, Object value, Supplier<T> body) {
        if (!active.containsKey(parent)) {
            throw new IllegalArgumentException("conditional scope on '" + parent + "': declare that parameter before the scope; "
                    + "declared so far: " + active.keySet());
        }
        Condition c = new Condition(parent, value);
        if (!c.holdsFor(active.get(parent))) {
            return Optional.empty();
        }
        scope.push(c);
        try {
            return Optional.ofNullable(body.get());
        } finally {
            scope.pop();
        }
    }

    /** As {@link #conditionalScope(String, Object, Supplier)} for a body without a result. */
    public void conditionalScope(String parent, Object value, Runnable body) {
        conditionalScope(parent, value, () -> {
            body.run();
            return null;
        });
    }

    private List<Condition> conditions() {
        List<Condition> outerFirst = new ArrayList<>(scope);
        Collections.reverse(outerFirst);
        return outerFirst;
    }

    private Object value(HyperParameter declared) {
        HyperParameter p = space.register(declared);
        Object known = active.containsKey(p.name()) ? active.get(p.name()) : proposed.get(p.name());
        // coerce: values read back from JSON come as Long or Double whatever the parameter's type
        Object v = known != null ? p.coerce(known) : sampler != null ? p.sample(sampler) : p.defaultValue();
        active.put(p.name(), v);
        return v;
    }

    // ---- reading ---------------------------------------------------------------------------

    /**
     * The value of a parameter declared in this build or given to {@link #of} (a cross-validated
     * search gives its sampled values this way); fails with the names there are.
     */
    public Object get(String name) {
        Object v = active.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no hyperparameter '" + name + "'; there are " + active.keySet());
        }
        return v;
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public String getString(String name) {
        return String.valueOf(get(name));
    }

    public boolean isActive(String name) {
        return active.containsKey(name);
    }

    /** The values of the parameters declared so far (inactive conditional ones excluded), in declaration order; an immutable snapshot. */
    public Map<String, Object> values() {
        return Values.frozen(active);
    }

    @Override
    public String toString() {
        return "HyperParameters" + active;
    }
}
