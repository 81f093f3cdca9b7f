package dev.nn.api.metrics;

import java.util.Locale;

/** The built-in metrics, by factory method or by Keras name. */
public final class Metrics {

    private Metrics() {
    }

    /** The index of the largest of {@code width} values from {@code from} (the first on ties): a row's class. */
    public static int argmax(float[] values, int from, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (values[from + j] > values[from + best]) {
                best = j;
            }
        }
        return best;
    }

    /** A plain weighted mean of values added with {@link MeanMetric#add}. */
    public static MeanMetric mean(String name) {
        return new Scored(name, Kind.NONE);
    }

    /** Predicted class index (argmax) equals the integer label. */
    public static Metric sparseCategoricalAccuracy() {
        return new Scored("sparse_categorical_accuracy", Kind.SPARSE_ACCURACY);
    }

    /** argmax of the predictions equals argmax of the one-hot targets. */
    public static Metric categoricalAccuracy() {
        return new Scored("categorical_accuracy", Kind.CATEGORICAL_ACCURACY);
    }

    /** Fraction of outputs whose prediction, thresholded at 0.5, equals the target. */
    public static Metric binaryAccuracy() {
        return new Scored("binary_accuracy", Kind.BINARY_ACCURACY);
    }

    public static Metric meanAbsoluteError() {
        return new Scored("mean_absolute_error", Kind.MAE);
    }

    public static Metric meanSquaredError() {
        return new Scored("mean_squared_error", Kind.MSE);
    }

    public static Metric rootMeanSquaredError() {
        return new Scored("root_mean_squared_error", Kind.RMSE);
    }

    /**
     * A metric by Keras name. "accuracy" is resolved against the loss as Keras does: sparse,
     * categorical or binary accuracy for the matching cross-entropy. The metric keeps the name
     * the user wrote, so History shows "accuracy" and "mae".
     */
    public static Metric get(String name, String lossName, int outputWidth) {
        // Keras takes both snake-case names and class names: "root_mean_squared_error", "RootMeanSquaredError"
        String key = name.toLowerCase(Locale.ROOT).replace("_", "");
        Metric m = switch (key) {
            case "accuracy", "acc" -> accuracyFor(lossName, outputWidth);
            case "sparsecategoricalaccuracy" -> sparseCategoricalAccuracy();
            case "categoricalaccuracy" -> categoricalAccuracy();
            case "binaryaccuracy" -> binaryAccuracy();
            case "mae", "meanabsoluteerror" -> meanAbsoluteError();
            case "mse", "meansquarederror" -> meanSquaredError();
            case "rmse", "rootmeansquarederror" -> rootMeanSquaredError();
            default -> throw new IllegalArgumentException("unknown metric '" + name + "'; known: accuracy, "
                    + "sparse_categorical_accuracy, categorical_accuracy, binary_accuracy, mae, mse, rmse");
        };
        return m.renamed(name);
    }

    private static Metric accuracyFor(String lossName, int outputWidth) {
        if (lossName != null && lossName.contains("sparse_categorical")) {
            return sparseCategoricalAccuracy();
        }
        if (lossName != null && lossName.contains("binary")) {
            return binaryAccuracy();
        }
        if (lossName != null && lossName.contains("categorical")) {
            return categoricalAccuracy();
        }
        return outputWidth == 1 ? binaryAccuracy() : categoricalAccuracy();
    }

    private enum Kind { NONE, SPARSE_ACCURACY, CATEGORICAL_ACCURACY, BINARY_ACCURACY, MAE, MSE, RMSE }

    /** Every built-in metric: a weighted mean of a per-example score. */
    private static final class Scored extends MeanMetric {
        private final Kind kind;

        Scored(String name, Kind kind) {
            super(name);
            this.kind = kind;
        }

        @Override
        protected double score(float[] t, int tw, float[] p, int w, int i) {
            return switch (kind) {
                case NONE -> throw new IllegalStateException(name() + " takes values through add()");
                case SPARSE_ACCURACY -> argmax(p, i * w, w) == (int) t[i * tw] ? 1 : 0;
                case CATEGORICAL_ACCURACY -> argmax(p, i * w, w) == argmax(t, i * tw, tw) ? 1 : 0;
                case BINARY_ACCURACY -> {
                    int hits = 0;
                    for (int j = 0; j < w; j++) {
                        hits += (p[i * w + j] > 0.5f) == (t[i * tw + j] > 0.5f) ? 1 : 0;
                    }
                    yield (double) hits / w;
                }
                case MAE, MSE, RMSE -> {
                    double s = 0;
                    for (int j = 0; j < w; j++) {
                        double e = p[i * w + j] - t[i * tw + (tw == w ? j : 0)];
                        s += kind == Kind.MAE ? Math.abs(e) : e * e;
                    }
                    yield s / w;
                }
            };
        }

        @Override
        protected double transform(double mean) {
            return kind == Kind.RMSE ? Math.sqrt(mean) : mean;
        }

        @Override
        public Metric renamed(String newName) {
            return new Scored(newName, kind);
        }
    }
}
