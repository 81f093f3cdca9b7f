package dev.nn.api;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.Backends;
import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.UnaryOp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * nn's op vocabulary. Each op, given concrete tensors, runs the current backend's kernel and,
 * while a {@link GradientTape} records, pushes its backward rule; given a symbolic tensor it
 * adds an {@link OpNode} to the traced graph instead. Layers, losses and models are written only
 * in these ops.
 */
public final class Ops {

    private Ops() {
    }

    private static Backend be() {
        return Backends.current();
    }

    // ---- linear algebra --------------------------------------------------------------------

    /** {@code a · b} for a of shape (..., k) and b of shape (k, n): the result is (..., n). */
    public static Tensor matmul(Tensor a, Tensor b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        if (as.length < 1 || bs.length != 2 || (as[as.length - 1] >= 0 && as[as.length - 1] != bs[0])) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(as) + " and " + Shapes.str(bs)
                    + " do not chain (the last axis of the first must equal the first axis of the second, a 2-D matrix)");
        }
        int[] outShape = as.clone();
        outShape[outShape.length - 1] = bs[1];
        if (a.isSymbolic() || b.isSymbolic()) {
            return trace(OpType.MATMUL, Map.of(), outShape, a, b);
        }
        int k = bs[0];
        int n = bs[1];
        int m = a.size() / Math.max(k, 1);
        float[] out = RecycledBuffers.take(m * n);
        be().gemm(false, false, m, n, k, 1f, a.buffer(), b.buffer(), out, false);
        Tensor y = Tensor.wrap(out, outShape);
        if (GradientTape.recording(a, b)) {
            GradientTape.push(y, new Tensor[] {a, b}, (dy, need) -> new Tensor[] {
                need[0] ? gemm(false, true, m, k, n, dy, b, as) : null,
                need[1] ? gemm(true, false, k, n, m, a, dy, bs) : null});
        }
        return y;
    }

    private static Tensor gemm(boolean ta, boolean tb, int m, int n, int k, Tensor a, Tensor b, int[] shape) {
        float[] out = RecycledBuffers.take(m * n);
        be().gemm(ta, tb, m, n, k, 1f, a.buffer(), b.buffer(), out, false);
        return Tensor.wrap(out, shape);
    }

    /**
     * The fused dense op {@code act(x · w + bias)}: x is (..., k), w (k, n), bias (n) or null.
     * The activation must be one whose derivative follows from its output
     * ({@link UnaryOp#derivativeFromOutput}); others are applied as a separate op by the caller.
     */
    public static Tensor dense(Tensor x, Tensor w, Tensor bias, UnaryOp act, float alpha) {
        if (!act.derivativeFromOutput(alpha)) {
            throw new IllegalArgumentException("dense: activation " + act + " cannot be fused; apply it after the dense op");
        }
        int[] xs = x.shape();
        int[] ws = w.shape();
        if (ws.length != 2 || xs.length < 1 || (xs[xs.length - 1] >= 0 && xs[xs.length - 1] != ws[0])) {
            throw new IllegalArgumentException("dense: input of shape " + Shapes.str(xs)
                    + " does not match a kernel of shape " + Shapes.str(ws));
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != ws[1])) {
            throw new IllegalArgumentException("dense: bias of shape " + Shapes.str(bias.shape())
                    + " does not match " + ws[1] + " units");
        }
        int[] outShape = xs.clone();
        outShape[outShape.length - 1] = ws[1];
        Map<String, Object> attrs = Map.of("fn", act, "alpha", alpha);
        if (x.isSymbolic() || w.isSymbolic() || (bias != null && bias.isSymbolic())) {
            return bias == null ? trace(OpType.DENSE, attrs, outShape, x, w)
                    : trace(OpType.DENSE, attrs, outShape, x, w, bias);
        }
        int k = ws[0];
        int n = ws[1];
        int m = x.size() / Math.max(k, 1);
        float[] out = RecycledBuffers.take(m * n);
        be().dense(x.buffer(), w.buffer(), bias == null ? null : bias.buffer(), out, m, k, n, act, alpha);
        Tensor y = Tensor.wrap(out, outShape);
        Tensor[] inputs = bias == null ? new Tensor[] {x, w} : new Tensor[] {x, w, bias};
        if (GradientTape.recording(inputs)) {
            GradientTape.push(y, inputs, (dy, need) -> {
                Tensor dz = dy;
                if (act != UnaryOp.IDENTITY) {
                    float[] d = RecycledBuffers.take(m * n);
                    be().unaryGrad(act, alpha, y.buffer(), y.buffer(), dy.buffer(), d, m * n);
                    dz = Tensor.wrap(d, outShape);
                }
                Tensor[] g = new Tensor[inputs.length];
                if (inputs.length == 3 && need[2]) {
                    // first, while dz is still in cache: after xᵀ·dz streams x and w it came from L3
                    float[] db = RecycledBuffers.take(n);
                    be().sumRows(dz.buffer(), db, m, n);
                    g[2] = Tensor.wrap(db, n);
                }
                g[0] = need[0] ? gemm(false, true, m, k, n, dz, w, xs) : null; // reads w: before any step
                float scale = need[1] ? GradientTape.stepScale(w) : Float.NaN;
                if (Float.isNaN(scale)) {
                    g[1] = need[1] ? gemm(true, false, k, n, m, x, dz, ws) : null;
                } else {
                    // w += scale · xᵀ·dz in one GEMM: no gradient array, no pass scaling dz
                    be().gemm(true, false, k, n, m, scale, x.buffer(), dz.buffer(), w.buffer(), true);
                    g[1] = GradientTape.STEPPED;
                }
                return g;
            });
        }
        return y;
    }

    // ---- element-wise binary ops, with broadcasting ----------------------------------------

    public static Tensor add(Tensor a, Tensor b) {
        return binary(BinaryOp.ADD, OpType.ADD, a, b);
    }

    public static Tensor sub(Tensor a, Tensor b) {
        return binary(BinaryOp.SUB, OpType.SUB, a, b);
    }

    public static Tensor mul(Tensor a, Tensor b) {
        return binary(BinaryOp.MUL, OpType.MUL, a, b);
    }

    public static Tensor div(Tensor a, Tensor b) {
        return binary(BinaryOp.DIV, OpType.DIV, a, b);
    }

    public static Tensor add(Tensor a, float s) {
        return add(a, Tensor.scalar(s));
    }

    public static Tensor mul(Tensor a, float s) {
        return mul(a, Tensor.scalar(s));
    }

    private static Tensor binary(BinaryOp op, OpType type, Tensor a, Tensor b) {
        int[] as = a.shape();
        int[] bs = b.shape();
        int[] outShape = Broadcast.shape(as, bs, type.name().toLowerCase());
        if (a.isSymbolic() || b.isSymbolic()) {
            return trace(type, Map.of(), outShape, a, b);
        }
        int n = Math.toIntExact(Shapes.checkedSize(outShape, type.name()));
        float[] out = RecycledBuffers.take(n);
        float[] av = Arrays.equals(as, outShape) ? a.buffer() : Broadcast.expand(a.buffer(), as, outShape);
        if (b.size() == 1) {
            be().binaryScalar(op, av, b.buffer()[0], out, n);
        } else if (Broadcast.isSuffix(bs, outShape)) {
            be().binary(op, av, b.buffer(), out, n, b.size());
        } else {
            be().binary(op, av, Broadcast.expand(b.buffer(), bs, outShape), out, n, n);
        }
        Tensor y = Tensor.wrap(out, outShape);
        if (GradientTape.recording(a, b)) {
            GradientTape.push(y, new Tensor[] {a, b}, (dy, need) -> {
                Tensor da = null;
                Tensor db = null;
                switch (op) {
                    case ADD -> {
                        da = need[0] ? reduceTo(dy, as) : null;
                        db = need[1] ? reduceTo(dy, bs) : null;
                    }
                    case SUB -> {
                        da = need[0] ? reduceTo(dy, as) : null;
                        db = need[1] ? reduceTo(neg(dy), bs) : null;
                    }
                    case MUL -> {
                        da = need[0] ? reduceTo(mul(dy, b), as) : null;
                        db = need[1] ? reduceTo(mul(dy, a), bs) : null;
                    }
                    case DIV -> {
                        da = need[0] ? reduceTo(div(dy, b), as) : null;
                        db = need[1] ? reduceTo(neg(div(mul(dy, y), b)), bs) : null;
                    }
                    default -> throw new IllegalStateException("no gradient for " + op);
                }
                return new Tensor[] {da, db};
            });
        }
        return y;
    }

    /** Sums a gradient over the axes along which a tensor of {@code shape} was broadcast. */
    private static Tensor reduceTo(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) {
            return g;
        }
        int n = g.size();
        int p = Math.toIntExact(Shapes.checkedSize(shape, "reduce"));
        float[] out = new float[p];
        if (Broadcast.isSuffix(shape, gs)) {
            be().sumRows(g.buffer(), out, n / Math.max(p, 1), p);
        } else {
            Broadcast.reduce(g.buffer(), gs, out, shape);
        }
        return Tensor.wrap(out, shape);
    }

    // ---- element-wise functions ------------------------------------------------------------

    /** Applies an element-wise function with its parameter (ignored by functions that have none). */
    public static Tensor unary(UnaryOp fn, float alpha, Tensor x) {
        return unary(fn, alpha, x, false);
    }

    private static Tensor unary(UnaryOp fn, float alpha, Tensor x, boolean keepLogits) {
        int[] s = x.shape();
        if (x.isSymbolic()) {
            return trace(OpType.UNARY, Map.of("fn", fn, "alpha", alpha), s, x);
        }
        int n = x.size();
        float[] out = RecycledBuffers.take(n);
        be().unary(fn, alpha, x.buffer(), out, n);
        Tensor y = keepLogits ? Tensor.withLogits(Tensor.wrap(out, s), x) : Tensor.wrap(out, s);
        if (GradientTape.recording(x)) {
            GradientTape.push(y, new Tensor[] {x}, (dy, need) -> {
                float[] dx = RecycledBuffers.take(n);
                be().unaryGrad(fn, alpha, x.buffer(), y.buffer(), dy.buffer(), dx, n);
                return new Tensor[] {Tensor.wrap(dx, s)};
            });
        }
        return y;
    }

    public static Tensor relu(Tensor x) {
        return unary(UnaryOp.RELU, 0f, x);
    }

    public static Tensor leakyRelu(Tensor x, float slope) {
        return unary(UnaryOp.LEAKY_RELU, slope, x);
    }

    public static Tensor elu(Tensor x, float alpha) {
        return unary(UnaryOp.ELU, alpha, x);
    }

    public static Tensor selu(Tensor x) {
        return unary(UnaryOp.SELU, 0f, x);
    }

    /** The logistic function; the result remembers x so a binary cross-entropy can use the logits. */
    public static Tensor sigmoid(Tensor x) {
        return unary(UnaryOp.SIGMOID, 0f, x, true);
    }

    public static Tensor tanh(Tensor x) {
        return unary(UnaryOp.TANH, 0f, x);
    }

    public static Tensor softplus(Tensor x) {
        return unary(UnaryOp.SOFTPLUS, 0f, x);
    }

    /** The Heaviside step: 1 where x ≥ 0, else 0; its gradient is zero everywhere. */
    public static Tensor heaviside(Tensor x) {
        return unary(UnaryOp.HEAVISIDE, 0f, x);
    }

    public static Tensor exp(Tensor x) {
        return unary(UnaryOp.EXP, 0f, x);
    }

    public static Tensor log(Tensor x) {
        return unary(UnaryOp.LOG, 0f, x);
    }

    public static Tensor neg(Tensor x) {
        return unary(UnaryOp.NEG, 0f, x);
    }

    public static Tensor square(Tensor x) {
        return unary(UnaryOp.SQUARE, 0f, x);
    }

    public static Tensor sqrt(Tensor x) {
        return unary(UnaryOp.SQRT, 0f, x);
    }

    public static Tensor abs(Tensor x) {
        return unary(UnaryOp.ABS, 0f, x);
    }

    /** Huber's function of an error: quadratic within ±delta, linear outside. */
    public static Tensor huber(Tensor error, float delta) {
        return unary(UnaryOp.HUBER, delta, error);
    }

    /** Limits every element to [min, max]; the gradient passes only where x is inside. */
    public static Tensor clip(Tensor x, float min, float max) {
        int[] s = x.shape();
        if (x.isSymbolic()) {
            return trace(OpType.CLIP, Map.of("min", min, "max", max), s, x);
        }
        int n = x.size();
        float[] lo = new float[n];
        be().binaryScalar(BinaryOp.MAX, x.buffer(), min, lo, n);
        float[] out = new float[n];
        be().binaryScalar(BinaryOp.MIN, lo, max, out, n);
        Tensor y = Tensor.wrap(out, s);
        if (GradientTape.recording(x)) {
            GradientTape.push(y, new Tensor[] {x}, (dy, need) -> {
                float[] xv = x.buffer();
                float[] g = dy.buffer();
                float[] dx = new float[n];
                for (int i = 0; i < n; i++) {
                    dx[i] = xv[i] >= min && xv[i] <= max ? g[i] : 0f;
                }
                return new Tensor[] {Tensor.wrap(dx, s)};
            });
        }
        return y;
    }

    // ---- softmax and fused cross-entropies -------------------------------------------------

    /** Softmax along the last axis. */
    public static Tensor softmax(Tensor x) {
        return softmaxLike(x, false);
    }

    /** Log-softmax along the last axis. */
    public static Tensor logSoftmax(Tensor x) {
        return softmaxLike(x, true);
    }

    private static Tensor softmaxLike(Tensor x, boolean log) {
        int[] s = x.shape();
        if (x.isSymbolic()) {
            return trace(log ? OpType.LOG_SOFTMAX : OpType.SOFTMAX, Map.of(), s, x);
        }
        int cols = s.length == 0 ? 1 : s[s.length - 1];
        int n = x.size();
        int rows = n / Math.max(cols, 1);
        float[] out = new float[n];
        if (log) {
            be().logSoftmax(x.buffer(), out, rows, cols);
        } else {
            be().softmax(x.buffer(), out, rows, cols);
        }
        Tensor y = log ? Tensor.wrap(out, s) : Tensor.withLogits(Tensor.wrap(out, s), x);
        if (GradientTape.recording(x)) {
            GradientTape.push(y, new Tensor[] {x}, (dy, need) -> {
                float[] dx = new float[n];
                if (log) {
                    // d/dx of log-softmax: dy − softmax · rowsum(dy)
                    float[] g = dy.buffer();
                    for (int r = 0; r < rows; r++) {
                        double sum = 0;
                        for (int c = 0; c < cols; c++) {
                            sum += g[r * cols + c];
                        }
                        for (int c = 0; c < cols; c++) {
                            int i = r * cols + c;
                            dx[i] = (float) (g[i] - Math.exp(out[i]) * sum);
                        }
                    }
                } else {
                    be().softmaxGrad(out, dy.buffer(), dx, rows, cols);
                }
                return new Tensor[] {Tensor.wrap(dx, s)};
            });
        }
        return y;
    }

    /**
     * Softmax cross-entropy of each row, computed from logits in one numerically stable pass.
     * Targets are class indices of shape (rows) or (rows, 1) when {@code sparse}, else
     * probabilities of the logits' shape. Returns the per-row losses, shape (rows).
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, Tensor targets, boolean sparse) {
        int[] s = logits.shape();
        int cols = s[s.length - 1];
        int[] outShape = Arrays.copyOf(s, s.length - 1);
        if (logits.isSymbolic() || targets.isSymbolic()) {
            return trace(OpType.SOFTMAX_CROSS_ENTROPY, Map.of("sparse", sparse), outShape, logits, targets);
        }
        int rows = logits.size() / cols;
        float[] t = targets.buffer();
        if (sparse) {
            if (targets.size() != rows) {
                throw new IllegalArgumentException("sparse labels: expected " + rows + " class indices for logits of shape "
                        + Shapes.str(s) + ", got a tensor of shape " + Shapes.str(targets.shape()));
            }
            for (int r = 0; r < rows; r++) {
                float v = t[r];
                if (!(v >= 0 && v < cols) || v != (int) v) {
                    throw new IllegalArgumentException("label " + v + " at row " + r + " is not a class index in [0, "
                            + cols + "): the model has " + cols + " outputs");
                }
            }
        } else if (!Arrays.equals(targets.shape(), s)) {
            throw new IllegalArgumentException("categorical targets of shape " + Shapes.str(targets.shape())
                    + " do not match predictions of shape " + Shapes.str(s) + " (one-hot encode the labels, or use the sparse loss)");
        }
        float[] probs = new float[logits.size()];
        float[] loss = new float[rows];
        be().softmaxCrossEntropy(logits.buffer(), t, sparse, probs, loss, rows, cols);
        Tensor y = Tensor.wrap(loss, outShape);
        if (GradientTape.recording(logits, targets)) {
            GradientTape.push(y, new Tensor[] {logits, targets}, (dy, need) -> {
                float[] g = dy.buffer();
                float[] dz = new float[probs.length];
                for (int r = 0; r < rows; r++) {
                    // d/dz of −Σ t·log softmax(z) is softmax·Σt − t (softmax − t when t sums to 1)
                    double mass = 1;
                    if (!sparse) {
                        mass = 0;
                        for (int c = 0; c < cols; c++) {
                            mass += t[r * cols + c];
                        }
                    }
                    for (int c = 0; c < cols; c++) {
                        int i = r * cols + c;
                        float target = sparse ? (c == (int) t[r] ? 1f : 0f) : t[i];
                        dz[i] = g[r] * (float) (probs[i] * mass - target);
                    }
                }
                return new Tensor[] {Tensor.wrap(dz, s), null};
            });
        }
        return y;
    }

    /**
     * Sigmoid cross-entropy of each element, from logits: {@code max(z,0) − z·t + log(1 + e^−|z|)}.
     */
    public static Tensor sigmoidCrossEntropy(Tensor logits, Tensor targets) {
        int[] s = logits.shape();
        if (logits.isSymbolic() || targets.isSymbolic()) {
            return trace(OpType.SIGMOID_CROSS_ENTROPY, Map.of(), s, logits, targets);
        }
        if (!Arrays.equals(logits.shape(), targets.shape())) {
            throw new IllegalArgumentException("binary targets of shape " + Shapes.str(targets.shape())
                    + " do not match predictions of shape " + Shapes.str(s));
        }
        int n = logits.size();
        float[] z = logits.buffer();
        float[] t = targets.buffer();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (Math.max(z[i], 0) - z[i] * t[i] + Math.log1p(Math.exp(-Math.abs(z[i]))));
        }
        Tensor y = Tensor.wrap(out, s);
        if (GradientTape.recording(logits, targets)) {
            GradientTape.push(y, new Tensor[] {logits, targets}, (dy, need) -> {
                float[] sig = new float[n];
                be().unary(UnaryOp.SIGMOID, 0f, z, sig, n);
                float[] g = dy.buffer();
                for (int i = 0; i < n; i++) {
                    sig[i] = g[i] * (sig[i] - t[i]);
                }
                return new Tensor[] {Tensor.wrap(sig, s), null};
            });
        }
        return y;
    }

    // ---- reductions ------------------------------------------------------------------------

    /** Sum of every element, a scalar. */
    public static Tensor sum(Tensor x) {
        return reduce(x, null, false, false);
    }

    /** Sum along one axis. */
    public static Tensor sum(Tensor x, int axis, boolean keepDims) {
        return reduce(x, axis, keepDims, false);
    }

    /** Mean of every element, a scalar. */
    public static Tensor mean(Tensor x) {
        return reduce(x, null, false, true);
    }

    /** Mean along one axis. */
    public static Tensor mean(Tensor x, int axis, boolean keepDims) {
        return reduce(x, axis, keepDims, true);
    }

    private static Tensor reduce(Tensor x, Integer axisArg, boolean keepDims, boolean mean) {
        int[] s = x.shape();
        Integer axis = axisArg == null ? null : (axisArg < 0 ? axisArg + s.length : axisArg);
        if (axis != null && (axis < 0 || axis >= s.length)) {
            throw new IllegalArgumentException("axis " + axisArg + " is out of range for shape " + Shapes.str(s));
        }
        int[] outShape = reducedShape(s, axis, keepDims);
        if (x.isSymbolic()) {
            Map<String, Object> attrs = new HashMap<>();
            attrs.put("keepDims", keepDims);
            if (axis != null) {
                attrs.put("axis", axis);
            }
            return trace(mean ? OpType.MEAN : OpType.SUM, attrs, outShape, x);
        }
        int outer = 1;
        int len = x.size();
        int inner = 1;
        if (axis != null) {
            len = s[axis];
            for (int i = 0; i < axis; i++) {
                outer *= s[i];
            }
            for (int i = axis + 1; i < s.length; i++) {
                inner *= s[i];
            }
        }
        float scale = mean ? 1f / Math.max(len, 1) : 1f;
        float[] xv = x.buffer();
        float[] out = new float[outer * inner];
        if (axis == null) {
            out[0] = (float) (be().sum(xv, len) * scale);
        } else if (inner == 1) {
            be().sumCols(xv, out, outer, len);
        } else if (outer == 1) {
            be().sumRows(xv, out, len, inner);
        } else {
            for (int o = 0; o < outer; o++) {
                for (int l = 0; l < len; l++) {
                    int base = (o * len + l) * inner;
                    for (int i = 0; i < inner; i++) {
                        out[o * inner + i] += xv[base + i];
                    }
                }
            }
        }
        if (mean && axis != null) {
            be().binaryScalar(BinaryOp.MUL, out, scale, out, out.length);
        }
        Tensor y = Tensor.wrap(out, outShape);
        if (GradientTape.recording(x)) {
            final int fo = outer;
            final int fl = len;
            final int fi = inner;
            GradientTape.push(y, new Tensor[] {x}, (dy, need) -> {
                float[] g = dy.buffer();
                float[] dx = new float[xv.length];
                for (int o = 0; o < fo; o++) {
                    for (int l = 0; l < fl; l++) {
                        int base = (o * fl + l) * fi;
                        for (int i = 0; i < fi; i++) {
                            dx[base + i] = g[o * fi + i] * scale;
                        }
                    }
                }
                return new Tensor[] {Tensor.wrap(dx, s)};
            });
        }
        return y;
    }

    private static int[] reducedShape(int[] s, Integer axis, boolean keepDims) {
        if (axis == null) {
            if (!keepDims) {
                return new int[0];
            }
            int[] ones = new int[s.length];
            Arrays.fill(ones, 1);
            return ones;
        }
        if (keepDims) {
            int[] r = s.clone();
            r[axis] = 1;
            return r;
        }
        int[] r = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            if (i != axis) {
                r[j++] = s[i];
            }
        }
        return r;
    }

    // ---- shape ops -------------------------------------------------------------------------

    /** The same elements with another shape; one dimension may be -1 and is then inferred. */
    public static Tensor reshape(Tensor x, int... shape) {
        int[] from = x.shape();
        if (x.isSymbolic()) {
            boolean sizeUnknown = false;
            for (int d : from) {
                sizeUnknown |= d < 0;
            }
            // with an unknown input size the -1 cannot be resolved: it stays unknown
            int[] out = sizeUnknown ? shape.clone() : resolveShape(Shapes.knownSize(from), shape, from);
            return trace(OpType.RESHAPE, Map.of("shape", shape.clone()), out, x);
        }
        int[] to = resolveShape(x.size(), shape, from);
        Tensor y = Tensor.wrap(x.buffer(), to);
        if (GradientTape.recording(x)) {
            GradientTape.push(y, new Tensor[] {x}, (dy, need) -> new Tensor[] {Tensor.wrap(dy.buffer(), from)});
        }
        return y;
    }

    private static int[] resolveShape(int size, int[] shape, int[] from) {
        int[] to = shape.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < to.length; i++) {
            if (to[i] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension may be -1, got " + Shapes.str(shape));
                }
                unknown = i;
            } else {
                known *= to[i];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || size % known != 0) {
                throw new IllegalArgumentException("reshape: cannot view shape " + Shapes.str(from) + " as " + Shapes.str(shape));
            }
            to[unknown] = (int) (size / known);
        } else if (known != size) {
            throw new IllegalArgumentException("reshape: cannot view shape " + Shapes.str(from) + " (" + size
                    + " elements) as " + Shapes.str(shape) + " (" + known + " elements)");
        }
        return to;
    }

    /** Keeps the first axis and flattens the rest: (batch, ...) to (batch, product). */
    public static Tensor flatten(Tensor x) {
        int[] s = x.shape();
        int rest = 1;
        for (int i = 1; i < s.length; i++) {
            if (s[i] < 0) {
                throw new IllegalArgumentException("flatten: shape " + Shapes.str(s) + " has an unknown dimension after the batch");
            }
            rest *= s[i];
        }
        return reshape(x, s.length == 0 ? 1 : (x.isSymbolic() ? -1 : s[0]), rest);
    }

    /** Joins tensors along an axis; every other dimension must agree. */
    public static Tensor concat(List<Tensor> xs, int axisArg) {
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        int[] first = xs.get(0).shape();
        int axis = axisArg < 0 ? axisArg + first.length : axisArg;
        if (axis < 0 || axis >= first.length) {
            throw new IllegalArgumentException("concat: axis " + axisArg + " is out of range for shape " + Shapes.str(first));
        }
        int[] out = first.clone();
        out[axis] = 0;
        boolean symbolic = false;
        for (Tensor t : xs) {
            int[] s = t.shape();
            if (s.length != first.length) {
                throw new IllegalArgumentException("concat along axis " + axisArg + ": shapes " + Shapes.str(first)
                        + " and " + Shapes.str(s) + " have different ranks");
            }
            for (int i = 0; i < s.length; i++) {
                if (i != axis && s[i] >= 0 && first[i] >= 0 && s[i] != first[i]) {
                    throw new IllegalArgumentException("concat along axis " + axisArg + ": shapes " + Shapes.str(first)
                            + " and " + Shapes.str(s) + " differ on another axis");
                }
            }
            out[axis] = out[axis] < 0 || s[axis] < 0 ? -1 : out[axis] + s[axis]; // unknown stays unknown
            symbolic |= t.isSymbolic();
        }
        Tensor[] inputs = xs.toArray(new Tensor[0]);
        if (symbolic) {
            return trace(OpType.CONCAT, Map.of("axis", axis), out, inputs);
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= out[i];
        }
        int innerOut = 1;
        for (int i = axis; i < out.length; i++) {
            innerOut *= out[i];
        }
        float[] data = new float[outer * innerOut];
        int[] widths = new int[inputs.length];
        int offset = 0;
        for (int j = 0; j < inputs.length; j++) {
            int w = inputs[j].size() / Math.max(outer, 1);
            widths[j] = w;
            float[] src = inputs[j].buffer();
            for (int o = 0; o < outer; o++) {
                System.arraycopy(src, o * w, data, o * innerOut + offset, w);
            }
            offset += w;
        }
        Tensor y = Tensor.wrap(data, out);
        if (GradientTape.recording(inputs)) {
            final int fo = outer;
            final int fi = innerOut;
            GradientTape.push(y, inputs, (dy, need) -> {
                Tensor[] g = new Tensor[inputs.length];
                float[] d = dy.buffer();
                int off = 0;
                for (int j = 0; j < inputs.length; j++) {
                    if (need[j]) {
                        float[] part = new float[fo * widths[j]];
                        for (int o = 0; o < fo; o++) {
                            System.arraycopy(d, o * fi + off, part, o * widths[j], widths[j]);
                        }
                        g[j] = Tensor.wrap(part, inputs[j].shape());
                    }
                    off += widths[j];
                }
                return g;
            });
        }
        return y;
    }

    /**
     * Inverted dropout: zeroes each element with probability {@code rate} and scales the rest by
     * 1 / (1 − rate), so inference needs no change.
     */
    public static Tensor dropout(Tensor x, float rate, RandomGenerator rng) {
        if (x.isSymbolic()) {
            throw new IllegalArgumentException("dropout runs only in training, on concrete tensors; a traced graph is for inference");
        }
        if (rate <= 0f) {
            return x;
        }
        if (rate >= 1f) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        float[] mask = new float[x.size()];
        float keep = 1f / (1f - rate);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextFloat() >= rate ? keep : 0f;
        }
        return mul(x, Tensor.wrap(mask, x.shape()));
    }

    /**
     * The logits a softmax or sigmoid output was computed from, or null. Losses use them to
     * compute cross-entropy in one stable fused op, as Keras does with {@code _keras_logits}.
     */
    public static Tensor logitsOf(Tensor probabilities) {
        return probabilities.logits();
    }

    // ---- tracing ---------------------------------------------------------------------------

    /** A symbolic model input of the given shape (-1 for the batch dimension). */
    public static Tensor placeholder(String name, int[] shape) {
        OpNode node = new OpNode(OpType.INPUT, name, List.of(), Map.of());
        return Tensor.symbolic(shape, node, 0);
    }

    private static Tensor trace(OpType op, Map<String, Object> attrs, int[] outShape, Tensor... inputs) {
        String name = NameScope.qualify(op.name().toLowerCase());
        return Tensor.symbolic(outShape, new OpNode(op, name, List.of(inputs), attrs), 0);
    }
}
