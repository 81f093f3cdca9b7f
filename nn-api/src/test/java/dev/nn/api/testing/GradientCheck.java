package dev.nn.api.testing;

import dev.nn.api.GradientTape;
import dev.nn.api.Ops;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Compares the gradients a {@link GradientTape} computes with central finite differences.
 *
 * <pre>{@code
 * GradientCheck.of(in -> Ops.tanh(in.get(0))).check(x);
 * GradientCheck.of(in -> Ops.matmul(in.get(0), in.get(1))).check(a, b);
 * GradientCheck.ofVariables(() -> model.call(x)).check(model.trainableWeights());
 * }</pre>
 *
 * <h2>What is compared</h2>
 * The function's output y is reduced to a scalar loss L = Σ wᵢ·yᵢ. By default the weights wᵢ are
 * fixed pseudo-random numbers in [0.5, 1.5) (seeded by the output's size), because a plain sum
 * hides errors in ops whose outputs sum to a constant (softmax: Σ softmax = 1, so ∂Σ/∂x = 0
 * whatever the backward rule says). On the tape side the weighting is one {@link Ops#mul}, and
 * {@link GradientTape#gradientOf} sums the result. {@link #plainSum()} drops the weights (w = 1),
 * which checks {@code mul} and {@code sum} without relying on them.
 *
 * <h2>Finite differences and tolerances</h2>
 * Each input element x is moved to x ± h with h = {@code step}·max(1, |x|) (default step 5e-3),
 * the function is evaluated in float32 (the ops only have float kernels) and the loss is summed
 * in double. The denominator is the distance between the two perturbed floats actually used, not
 * 2h, so rounding of x ± h does not bias the quotient. The estimate then carries a rounding error
 * of about ε₃₂·|L| / h (ε₃₂ ≈ 6e-8) and a truncation error of about h²·|f'''|/6, so it is good to
 * roughly three significant digits, not more. An element passes when
 * <pre>  |tape − fd| ≤ atol + rtol · max(|tape|, |fd|)</pre>
 * with defaults rtol = 1e-2 and atol = 1e-3 (the absolute floor matters where the true gradient
 * is near zero). Keep inputs at least a few h away from kinks (relu and abs at 0, huber at ±delta,
 * clip at its bounds), where finite differences average the two one-sided slopes.
 *
 * <p>On failure the {@link AssertionError} names the worst element (largest error relative to its
 * tolerance): which input, its shape, the multi-index, both values, and how many elements failed.
 */
public final class GradientCheck {

    /** Default relative tolerance for float32 finite differences. */
    public static final double RTOL = 1e-2;
    /** Default absolute floor of the tolerance, for gradients near zero. */
    public static final double ATOL = 1e-3;
    /** Default finite-difference step, relative to max(1, |x|). */
    public static final double STEP = 5e-3;

    private final Function<List<Tensor>, Tensor> fn;
    private final Supplier<Tensor> variableFn;
    private double rtol = RTOL;
    private double atol = ATOL;
    private double step = STEP;
    private boolean weighted = true;

    private GradientCheck(Function<List<Tensor>, Tensor> fn, Supplier<Tensor> variableFn) {
        this.fn = fn;
        this.variableFn = variableFn;
    }

    /** A check of a function of tensors; its inputs are watched on the tape. */
    public static GradientCheck of(Function<List<Tensor>, Tensor> fn) {
        return new GradientCheck(fn, null);
    }

    /**
     * A check of a function of trainable variables (read through {@link Variable#value()}), with
     * gradients from {@link GradientTape#gradient}, as a training step takes them.
     */
    public static GradientCheck ofVariables(Supplier<Tensor> fn) {
        return new GradientCheck(null, fn);
    }

    public GradientCheck tolerance(double rtol, double atol) {
        this.rtol = rtol;
        this.atol = atol;
        return this;
    }

    /** The finite-difference step relative to max(1, |x|). */
    public GradientCheck step(double step) {
        this.step = step;
        return this;
    }

    /** Reduces the output by a plain sum instead of a weighted one. */
    public GradientCheck plainSum() {
        this.weighted = false;
        return this;
    }

    /** Checks the gradient with respect to every input tensor. */
    public void check(Tensor... inputs) {
        check(List.of(inputs));
    }

    public void check(List<Tensor> inputs) {
        if (fn == null) {
            throw new IllegalStateException("this check was made with ofVariables; call checkVariables");
        }
        List<Tensor> tape = tapeGradients(inputs);
        List<float[]> values = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : inputs) {
            values.add(t.toArray());
            shapes.add(t.shape());
        }
        Supplier<Tensor> eval = () -> {
            List<Tensor> copies = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                copies.add(Tensor.of(values.get(i), shapes.get(i)));
            }
            return fn.apply(copies);
        };
        compare(tape, values, shapes, eval, "input");
    }

    /** Checks the gradient with respect to each (trainable) variable. */
    public void checkVariables(List<Variable> variables) {
        if (variableFn == null) {
            throw new IllegalStateException("this check was made with of(fn); call check");
        }
        for (Variable v : variables) {
            if (!v.trainable()) {
                throw new IllegalArgumentException(v + " is not trainable: the tape does not differentiate it");
            }
        }
        List<Tensor> tape;
        try (GradientTape t = GradientTape.record()) {
            Tensor y = variableFn.get();
            tape = t.gradient(reduceOnTape(y), variables);
        }
        List<float[]> values = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        for (Variable v : variables) {
            values.add(v.buffer()); // perturbed in place, restored after each evaluation
            shapes.add(v.shape());
        }
        List<String> names = variables.stream().map(Variable::name).toList();
        compare(tape, values, shapes, variableFn, "variable", names);
    }

    /** The tape's gradients of the reduced output with respect to each input. */
    public List<Tensor> tapeGradients(List<Tensor> inputs) {
        try (GradientTape tape = GradientTape.record()) {
            inputs.forEach(tape::watch);
            Tensor y = fn.apply(inputs);
            return tape.gradientOf(reduceOnTape(y), inputs);
        }
    }

    /** Gradients of Σ f(inputs) from a fresh tape, for tests that check gradients exactly. */
    public static List<Tensor> gradients(Function<List<Tensor>, Tensor> fn, Tensor... inputs) {
        return of(fn).plainSum().tapeGradients(List.of(inputs));
    }

    // ---- internals -------------------------------------------------------------------------

    private Tensor reduceOnTape(Tensor y) {
        return weighted ? Ops.mul(y, weights(y.shape())) : y;
    }

    private static Tensor weights(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        SplittableRandom r = new SplittableRandom(0x5eedL + n);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5f + (float) r.nextDouble();
        }
        return Tensor.of(w, shape);
    }

    private double loss(Tensor y) {
        float[] v = y.toArray();
        float[] w = weighted ? weights(y.shape()).toArray() : null;
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += w == null ? v[i] : (double) w[i] * v[i];
        }
        return s;
    }

    private void compare(List<Tensor> tape, List<float[]> values, List<int[]> shapes,
                         Supplier<Tensor> eval, String what) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            names.add(String.valueOf(i));
        }
        compare(tape, values, shapes, eval, what, names);
    }

    private void compare(List<Tensor> tape, List<float[]> values, List<int[]> shapes,
                         Supplier<Tensor> eval, String what, List<String> names) {
        Worst worst = null;
        int failures = 0;
        int checked = 0;
        for (int i = 0; i < values.size(); i++) {
            Tensor g = tape.get(i);
            String label = what + " " + names.get(i) + " of shape " + Shapes.str(shapes.get(i));
            if (g == null) {
                throw new AssertionError("the tape gave no gradient for " + label);
            }
            if (!Arrays.equals(g.shape(), shapes.get(i))) {
                throw new AssertionError("the tape's gradient for " + label + " has shape " + Shapes.str(g.shape()));
            }
            float[] analytic = g.toArray();
            float[] x = values.get(i);
            for (int j = 0; j < x.length; j++) {
                double fd = centralDifference(x, j, eval);
                double a = analytic[j];
                double err = Math.abs(a - fd);
                double tol = atol + rtol * Math.max(Math.abs(a), Math.abs(fd));
                double ratio = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err / tol;
                checked++;
                if (ratio > 1) {
                    failures++;
                }
                if (worst == null || ratio > worst.ratio) {
                    worst = new Worst(label, index(j, shapes.get(i)), x[j], a, fd, tol, ratio);
                }
            }
        }
        if (worst != null && worst.ratio > 1) {
            throw new AssertionError(String.format(
                    "gradient mismatch in %d of %d elements; worst: %s at %s (x = %s): tape %.6g, finite difference %.6g,"
                            + " |diff| %.3g > tolerance %.3g (rtol %.1g, atol %.1g, step %.1g)",
                    failures, checked, worst.label, worst.index, worst.x, worst.analytic, worst.numeric,
                    Math.abs(worst.analytic - worst.numeric), worst.tol, rtol, atol, step));
        }
    }

    private double centralDifference(float[] x, int j, Supplier<Tensor> eval) {
        float orig = x[j];
        double h = step * Math.max(1.0, Math.abs(orig));
        float plus = (float) (orig + h);
        float minus = (float) (orig - h);
        try {
            x[j] = plus;
            double lp = loss(eval.get());
            x[j] = minus;
            double lm = loss(eval.get());
            return (lp - lm) / ((double) plus - (double) minus);
        } finally {
            x[j] = orig;
        }
    }

    private static String index(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int a = shape.length - 1; a >= 0; a--) {
            idx[a] = flat % Math.max(shape[a], 1);
            flat /= Math.max(shape[a], 1);
        }
        return Arrays.toString(idx);
    }

    private record Worst(String label, String index, float x, double analytic, double numeric, double tol, double ratio) {
    }
}
