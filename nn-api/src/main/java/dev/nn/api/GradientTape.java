package dev.nn.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records the ops run on this thread while it is open, then computes gradients in reverse.
 *
 * <pre>{@code
 * try (GradientTape tape = GradientTape.record()) {
 *     Tensor loss = ...;
 *     List<Tensor> grads = tape.gradient(loss, model.trainableWeights());
 * }
 * }</pre>
 *
 * Trainable variables are watched automatically; {@link #watch} adds any other tensor. Only ops
 * that depend on a watched tensor are recorded, so work on plain data costs nothing extra.
 */
public final class GradientTape implements AutoCloseable {

    /** Gradients of an op's inputs given its output gradient; null where an input needs none. */
    @FunctionalInterface
    interface Backward {
        Tensor[] apply(Tensor dy, boolean[] needed);
    }

    private record Entry(Tensor[] inputs, Tensor output, Backward backward) {
    }

    // The tapes open on each thread: per-thread context, as TensorFlow's tape stack.
    private static final ThreadLocal<Deque<GradientTape>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);

    private final List<Entry> entries = new ArrayList<>();
    private final Set<Tensor> tracked = Collections.newSetFromMap(new IdentityHashMap<>());
    // During gradientOrStep: the weights whose gradient a backward rule may add into them directly
    private final Set<Tensor> stepInPlace = Collections.newSetFromMap(new IdentityHashMap<>());
    private float stepScale;
    private boolean paused;
    private boolean closed;

    private GradientTape() {
    }

    /** Opens a tape on the current thread; close it (try-with-resources) when done recording. */
    public static GradientTape record() {
        GradientTape t = new GradientTape();
        OPEN.get().push(t);
        return t;
    }

    /** Also differentiate with respect to this tensor. */
    public void watch(Tensor t) {
        tracked.add(t);
    }

    /** Gradients of {@code target} (summed if it has several elements) for each source. */
    public List<Tensor> gradientOf(Tensor target, List<Tensor> sources) {
        Map<Tensor, Tensor> grads = backprop(target);
        List<Tensor> out = new ArrayList<>(sources.size());
        for (Tensor s : sources) {
            Tensor g = grads.get(s);
            // present but null: a weight that took its step in place (gradientOrStep)
            out.add(g != null ? g : grads.containsKey(s) ? null : Tensor.zeros(s.shape()));
        }
        return out;
    }

    /** Gradients of {@code target} with respect to each variable's value (zeros where unused). */
    public List<Tensor> gradient(Tensor target, List<Variable> variables) {
        List<Tensor> values = new ArrayList<>(variables.size());
        for (Variable v : variables) {
            values.add(v.value());
        }
        return gradientOf(target, values);
    }

    /**
     * Like {@link #gradient}, for an optimizer whose step is {@code w += scale · g} (plain SGD,
     * scale = −learning rate): a backward rule that can add {@code scale · g} into a weight as it
     * computes g does so, and that weight's entry in the list is null (already stepped). Only
     * weights read by a single recorded op qualify, so no later rule sees a stepped value. The
     * dense op does this for its kernel: the kernel's gradient, as large as the kernel, is then
     * never written out and read back by the optimizer.
     */
    public List<Tensor> gradientOrStep(Tensor target, List<Variable> variables, float scale) {
        if (!Float.isNaN(scale)) {
            for (Variable v : variables) {
                if (uses(v.value()) == 1) {
                    stepInPlace.add(v.value());
                }
            }
        }
        stepScale = scale;
        try {
            return gradient(target, variables);
        } finally {
            stepInPlace.clear();
        }
    }

    /** How many inputs of recorded ops are this tensor. */
    private int uses(Tensor t) {
        int n = 0;
        for (Entry e : entries) {
            for (Tensor in : e.inputs) {
                if (in == t) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * For a backward rule: the scale to add a weight's gradient into it with, or NaN when the
     * gradient must be returned. A rule that steps the weight returns {@link #STEPPED} for it.
     */
    static float stepScale(Tensor weight) {
        for (GradientTape t : OPEN.get()) {
            if (t.stepInPlace.contains(weight)) {
                return t.stepScale;
            }
        }
        return Float.NaN;
    }

    /** What a backward rule returns for a weight it has stepped in place. */
    static final Tensor STEPPED = Tensor.scalar(0f);

    private Map<Tensor, Tensor> backprop(Tensor target) {
        boolean wasPaused = paused;
        paused = true; // the backward ops themselves are not recorded
        try {
            Map<Tensor, Tensor> grads = new IdentityHashMap<>();
            grads.put(target, Tensor.full(1f, target.shape()));
            for (int i = entries.size() - 1; i >= 0; i--) {
                Entry e = entries.get(i);
                Tensor dy = grads.get(e.output);
                if (dy == null) {
                    continue;
                }
                boolean[] needed = new boolean[e.inputs.length];
                boolean any = false;
                for (int j = 0; j < needed.length; j++) {
                    needed[j] = isTracked(e.inputs[j]);
                    any |= needed[j];
                }
                if (!any) {
                    continue;
                }
                Tensor[] dx = e.backward.apply(dy, needed);
                for (int j = 0; j < dx.length; j++) {
                    if (dx[j] == STEPPED) {
                        grads.put(e.inputs[j], null); // present but null: the weight took its step
                    } else if (needed[j] && dx[j] != null) {
                        grads.merge(e.inputs[j], dx[j], Ops::add);
                    }
                }
            }
            return grads;
        } finally {
            paused = wasPaused;
        }
    }

    private boolean isTracked(Tensor t) {
        if (tracked.contains(t)) {
            return true;
        }
        Variable v = t.variable();
        return v != null && v.trainable();
    }

    /** Stops recording; gradients can still be asked for afterwards. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            OPEN.get().remove(this);
        }
    }

    // ---- called by Ops ---------------------------------------------------------------------

    /** True when some open tape on this thread would record an op with these inputs. */
    static boolean recording(Tensor... inputs) {
        Deque<GradientTape> open = OPEN.get();
        if (open.isEmpty()) {
            return false;
        }
        for (GradientTape t : open) {
            if (!t.paused) {
                for (Tensor in : inputs) {
                    if (t.isTracked(in)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Records an op on every open tape that tracks one of its inputs. */
    static void push(Tensor output, Tensor[] inputs, Backward backward) {
        for (GradientTape t : OPEN.get()) {
            if (t.paused) {
                continue;
            }
            for (Tensor in : inputs) {
                if (t.isTracked(in)) {
                    t.entries.add(new Entry(inputs, output, backward));
                    t.tracked.add(output);
                    break;
                }
            }
        }
    }
}
