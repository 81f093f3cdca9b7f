package dev.nn.api.linear;

import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Rosenblatt's perceptron: threshold logic units trained by the perceptron learning rule
 * {@code w ← w + η (y − ŷ) x}, one instance at a time, with scikit-learn's options.
 *
 * <p>Labels are class indices. Two classes give one unit; more give one unit per class, each
 * trained one-versus-rest, and the prediction is the class whose unit scores highest. A unit
 * fires (outputs 1) when its score z is at least 0, the Heaviside step; this rule is the same as
 * stochastic gradient descent with {@link dev.nn.api.losses.Losses#perceptron()}.
 */
public final class Perceptron {

    private final int maxIter;
    private final Double tol;
    private final float eta0;
    private final boolean shuffle;
    private final long seed;
    private final boolean earlyStopping;
    private final double validationFraction;
    private final int nIterNoChange;

    private float[][] weights; // [unit][feature]
    private float[] bias;
    private int[] classes;
    private int epochsRun;

    private Perceptron(Builder b) {
        this.maxIter = b.maxIter;
        this.tol = b.tol;
        this.eta0 = b.eta0;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.earlyStopping = b.earlyStopping;
        this.validationFraction = b.validationFraction;
        this.nIterNoChange = b.nIterNoChange;
    }

    /** Defaults as scikit-learn's: 1000 epochs, tol 1e-3, η 1, shuffled, no early stopping. */
    public static Builder builder() {
        return new Builder();
    }

    /** Trains on x (n × features) and class indices y (n). */
    public Perceptron fit(Tensor x, Tensor y) {
        if (x.rank() != 2 || y.size() != x.dim(0)) {
            throw new IllegalArgumentException("Perceptron.fit needs x of shape (n, features) and n labels, got "
                    + Shapes.str(x.shape()) + " and " + Shapes.str(y.shape()));
        }
        float[] xs = x.buffer();
        float[] ys = y.buffer();
        int n = x.dim(0);
        int f = x.dim(1);
        classes = Arrays.stream(toInts(ys)).distinct().sorted().toArray();
        if (classes.length < 2) {
            throw new IllegalArgumentException("Perceptron.fit needs at least two classes, got " + Arrays.toString(classes));
        }
        int units = classes.length == 2 ? 1 : classes.length;
        weights = new float[units][f];
        bias = new float[units];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] trainRows = order;
        int[] validRows = new int[0];
        if (earlyStopping) {
            // a seeded hold-out, stratified by nothing, as scikit-learn's validation_fraction
            int[] mixed = shuffled(order.clone(), new SplittableRandom(seed ^ 0x5DEECE66DL));
            int validation = Math.max(1, (int) Math.round(n * validationFraction));
            validRows = Arrays.copyOfRange(mixed, 0, validation);
            trainRows = Arrays.copyOfRange(mixed, validation, n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int u = 0; u < units; u++) {
            int positive = units == 1 ? classes[1] : classes[u];
            epochsRun = trainUnit(u, positive, xs, ys, f, trainRows.clone(), validRows, random);
        }
        return this;
    }

    /** Trains one unit to answer "is it class {@code positive}?"; returns the epochs run. */
    private int trainUnit(int u, int positive, float[] xs, float[] ys, int f, int[] rows, int[] validRows,
                          SplittableRandom random) {
        double best = Double.POSITIVE_INFINITY;
        int noImprovement = 0;
        int epoch = 0;
        while (epoch < maxIter) {
            epoch++;
            if (shuffle) {
                shuffled(rows, random);
            }
            double lossSum = 0;
            for (int r : rows) {
                float target = (int) ys[r] == positive ? 1f : 0f;
                float z = score(u, xs, r * f, f);
                float fired = z >= 0 ? 1f : 0f;
                lossSum += (fired - target) * z;
                float step = eta0 * (target - fired);
                if (step != 0f) {
                    for (int j = 0; j < f; j++) {
                        weights[u][j] += step * xs[r * f + j];
                    }
                    bias[u] += step;
                }
            }
            if (tol == null) {
                continue;
            }
            double measure = earlyStopping ? -accuracy(u, positive, xs, ys, f, validRows) : lossSum;
            double threshold = earlyStopping ? tol : tol * rows.length;
            if (measure > best - threshold) {
                noImprovement++;
            } else {
                noImprovement = 0;
            }
            best = Math.min(best, measure);
            if (noImprovement >= nIterNoChange) {
                break;
            }
        }
        return epoch;
    }

    private double accuracy(int u, int positive, float[] xs, float[] ys, int f, int[] rows) {
        int hits = 0;
        for (int r : rows) {
            boolean fired = score(u, xs, r * f, f) >= 0;
            hits += fired == ((int) ys[r] == positive) ? 1 : 0;
        }
        return (double) hits / Math.max(1, rows.length);
    }

    private float score(int u, float[] xs, int offset, int f) {
        float z = bias[u];
        for (int j = 0; j < f; j++) {
            z += weights[u][j] * xs[offset + j];
        }
        return z;
    }

    /** Class indices for each row of x. */
    public Tensor predict(Tensor x) {
        requireFitted();
        float[] xs = x.buffer();
        int f = weights[0].length;
        if (x.rank() != 2 || x.dim(1) != f) {
            throw new IllegalArgumentException("Perceptron.predict: expected x of shape (n, " + f + "), got " + Shapes.str(x.shape()));
        }
        int n = x.dim(0);
        float[] out = new float[n];
        for (int r = 0; r < n; r++) {
            if (weights.length == 1) {
                out[r] = score(0, xs, r * f, f) >= 0 ? classes[1] : classes[0];
            } else {
                int best = 0;
                for (int u = 1; u < weights.length; u++) {
                    if (score(u, xs, r * f, f) > score(best, xs, r * f, f)) {
                        best = u;
                    }
                }
                out[r] = classes[best];
            }
        }
        return Tensor.wrap(out, n);
    }

    /** The weights, one row per unit (a copy). */
    public Tensor coefficients() {
        requireFitted();
        return Tensor.of(weights);
    }

    /** The bias of each unit (a copy). */
    public Tensor intercepts() {
        requireFitted();
        return Tensor.vector(bias.clone());
    }

    /** Epochs the last unit trained for. */
    public int epochsRun() {
        return epochsRun;
    }

    private void requireFitted() {
        if (weights == null) {
            throw new IllegalStateException("the perceptron must be fitted first");
        }
    }

    private static int[] toInts(float[] ys) {
        int[] out = new int[ys.length];
        for (int i = 0; i < ys.length; i++) {
            if (ys[i] != (int) ys[i] || ys[i] < 0) {
                throw new IllegalArgumentException("Perceptron labels must be class indices, got " + ys[i] + " at row " + i);
            }
            out[i] = (int) ys[i];
        }
        return out;
    }

    private static int[] shuffled(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Perceptron options, as scikit-learn names them. */
    public static final class Builder {
        private int maxIter = 1000;
        private Double tol = 1e-3;
        private float eta0 = 1f;
        private boolean shuffle = true;
        private long seed;
        private boolean earlyStopping;
        private double validationFraction = 0.1;
        private int nIterNoChange = 5;

        private Builder() {
        }

        public Builder maxIter(int epochs) {
            this.maxIter = epochs;
            return this;
        }

        /** Stop after {@code nIterNoChange} epochs that improve by less than this; null never stops early. */
        public Builder tol(Double tol) {
            this.tol = tol;
            return this;
        }

        /** The learning rate η. */
        public Builder eta0(double eta0) {
            this.eta0 = (float) eta0;
            return this;
        }

        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder randomState(long seed) {
            this.seed = seed;
            return this;
        }

        /** Hold out {@code validationFraction} of the data and stop when its accuracy stops improving. */
        public Builder earlyStopping(boolean on) {
            this.earlyStopping = on;
            return this;
        }

        public Builder validationFraction(double fraction) {
            this.validationFraction = fraction;
            return this;
        }

        public Builder nIterNoChange(int epochs) {
            this.nIterNoChange = epochs;
            return this;
        }

        public Perceptron build() {
            return new Perceptron(this);
        }
    }
}
