package dev.nn.bench;

import dev.nn.api.backend.Backend;
import dev.nn.api.backend.BinaryOp;
import dev.nn.api.backend.UnaryOp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Backend} that forwards every call to another and, while started, adds each call's
 * wall time to a row named by the kernel and its shape ("gemm TN 784x300x32 +=", "dense
 * 32x784x300 RELU", "unaryGrad RELU 9600"). Written out rather than a reflective proxy: a
 * proxy's reflective call stays interpreted for kernels called once a step and added 3-4 µs to
 * each. The row's name is built after the clock stops. One thread calls the backend during
 * training, so the rows need no lock.
 */
final class TimedBackend implements Backend {

    private final Backend target;
    private final Map<String, long[]> rows = new HashMap<>();
    private boolean timing;

    TimedBackend(Backend target) {
        this.target = target;
    }

    void start() {
        rows.clear();
        timing = true;
    }

    void stop() {
        timing = false;
    }

    long totalNanos() {
        return rows.values().stream().mapToLong(r -> r[1]).sum();
    }

    /** The rows, slowest first: calls, microseconds a step and a call. */
    String table(long steps) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-40s %8s %10s %10s%n", "call", "calls",
                "us/step", "us/call"));
        rows.entrySet().stream().sorted(Comparator.comparingLong(e -> -e.getValue()[1])).forEach(e ->
                sb.append(String.format(Locale.ROOT, "%-40s %8d %10.1f %10.1f%n", e.getKey(), e.getValue()[0],
                        e.getValue()[1] / 1e3 / steps, e.getValue()[1] / 1e3 / e.getValue()[0])));
        return sb.toString();
    }

    /**
     * Adds end − start to the row of this kernel and shape. The caller reads the clock as the first
     * argument, so the shape's strings, built for the later arguments, fall outside the time.
     */
    private void record(long start, long end, String kernel, Object... shape) {
        long nanos = end - start;
        if (timing) {
            StringBuilder name = new StringBuilder(kernel);
            for (Object s : shape) {
                name.append(' ').append(s);
            }
            long[] row = rows.computeIfAbsent(name.toString(), k -> new long[2]);
            row[0]++;
            row[1] += nanos;
        }
    }

    @Override
    public String name() {
        return target.name();
    }

    @Override
    public boolean supportsTraining() {
        return target.supportsTraining();
    }

    @Override
    public int threads() {
        return target.threads();
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, float[] b,
                     float[] c, boolean accumulate) {
        long t = System.nanoTime();
        target.gemm(transA, transB, m, n, k, alpha, a, b, c, accumulate);
        record(t, System.nanoTime(), "gemm", (transA ? "T" : "N") + (transB ? "T" : "N"), m + "x" + n + "x" + k, accumulate ? "+=" : "");
    }

    @Override
    public void dense(float[] x, float[] w, float[] bias, float[] y, int m, int k, int n, UnaryOp activation,
                      float alpha) {
        long t = System.nanoTime();
        target.dense(x, w, bias, y, m, k, n, activation, alpha);
        record(t, System.nanoTime(), "dense", m + "x" + k + "x" + n, activation);
    }

    @Override
    public void binary(BinaryOp op, float[] a, float[] b, float[] out, int n, int bLength) {
        long t = System.nanoTime();
        target.binary(op, a, b, out, n, bLength);
        record(t, System.nanoTime(), "binary", op, n, bLength);
    }

    @Override
    public void binaryScalar(BinaryOp op, float[] a, float s, float[] out, int n) {
        long t = System.nanoTime();
        target.binaryScalar(op, a, s, out, n);
        record(t, System.nanoTime(), "binaryScalar", op, n);
    }

    @Override
    public void unary(UnaryOp op, float alpha, float[] x, float[] y, int n) {
        long t = System.nanoTime();
        target.unary(op, alpha, x, y, n);
        record(t, System.nanoTime(), "unary", op, n);
    }

    @Override
    public void unaryGrad(UnaryOp op, float alpha, float[] x, float[] y, float[] dy, float[] dx, int n) {
        long t = System.nanoTime();
        target.unaryGrad(op, alpha, x, y, dy, dx, n);
        record(t, System.nanoTime(), "unaryGrad", op, n);
    }

    @Override
    public void softmax(float[] x, float[] y, int rows, int cols) {
        long t = System.nanoTime();
        target.softmax(x, y, rows, cols);
        record(t, System.nanoTime(), "softmax", rows + "x" + cols);
    }

    @Override
    public void logSoftmax(float[] x, float[] y, int rows, int cols) {
        long t = System.nanoTime();
        target.logSoftmax(x, y, rows, cols);
        record(t, System.nanoTime(), "logSoftmax", rows + "x" + cols);
    }

    @Override
    public void softmaxGrad(float[] y, float[] dy, float[] dx, int rows, int cols) {
        long t = System.nanoTime();
        target.softmaxGrad(y, dy, dx, rows, cols);
        record(t, System.nanoTime(), "softmaxGrad", rows + "x" + cols);
    }

    @Override
    public void softmaxCrossEntropy(float[] logits, float[] targets, boolean sparse, float[] probs,
                                    float[] lossPerRow, int rows, int cols) {
        long t = System.nanoTime();
        target.softmaxCrossEntropy(logits, targets, sparse, probs, lossPerRow, rows, cols);
        record(t, System.nanoTime(), "softmaxCrossEntropy", rows + "x" + cols);
    }

    @Override
    public void sumRows(float[] x, float[] out, int rows, int cols) {
        long t = System.nanoTime();
        target.sumRows(x, out, rows, cols);
        record(t, System.nanoTime(), "sumRows", rows + "x" + cols);
    }

    @Override
    public void gatherRows(float[] src, int rowSize, int[] index, int from, int to, float[] out) {
        long t = System.nanoTime();
        target.gatherRows(src, rowSize, index, from, to, out);
        record(t, System.nanoTime(), "gatherRows", (to - from) + "x" + rowSize);
    }

    @Override
    public int firstNonFinite(float[] x, int from, int to) {
        long t = System.nanoTime();
        int i = target.firstNonFinite(x, from, to);
        record(t, System.nanoTime(), "firstNonFinite");
        return i;
    }

    @Override
    public void sumCols(float[] x, float[] out, int rows, int cols) {
        long t = System.nanoTime();
        target.sumCols(x, out, rows, cols);
        record(t, System.nanoTime(), "sumCols", rows + "x" + cols);
    }

    @Override
    public double sum(float[] x, int n) {
        long t = System.nanoTime();
        double s = target.sum(x, n);
        record(t, System.nanoTime(), "sum", n);
        return s;
    }

    @Override
    public void sgdUpdate(float[] w, float[] g, float[] velocity, int n, float lr, float momentum, boolean nesterov) {
        long t = System.nanoTime();
        target.sgdUpdate(w, g, velocity, n, lr, momentum, nesterov);
        record(t, System.nanoTime(), "sgdUpdate", n);
    }

    @Override
    public void adamUpdate(float[] w, float[] g, float[] m, float[] v, int n, float alphaT, float beta1,
                           float beta2, float epsilon) {
        long t = System.nanoTime();
        target.adamUpdate(w, g, m, v, n, alphaT, beta1, beta2, epsilon);
        record(t, System.nanoTime(), "adamUpdate", n);
    }

    @Override
    public void rmspropUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float rho, float epsilon) {
        long t = System.nanoTime();
        target.rmspropUpdate(w, g, accumulator, n, lr, rho, epsilon);
        record(t, System.nanoTime(), "rmspropUpdate", n);
    }

    @Override
    public void adagradUpdate(float[] w, float[] g, float[] accumulator, int n, float lr, float epsilon) {
        long t = System.nanoTime();
        target.adagradUpdate(w, g, accumulator, n, lr, epsilon);
        record(t, System.nanoTime(), "adagradUpdate", n);
    }

    @Override
    public void close() {
        target.close();
    }
}
