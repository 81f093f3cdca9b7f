package dev.nn.io.data;

import dev.nn.api.Tensor;

/**
 * Standardizes features to zero mean and unit variance, column by column, as scikit-learn's
 * {@code StandardScaler} does: fit on the training data, then transform every split with the
 * training statistics. The variance is the population variance (ddof = 0). A constant column
 * gets scale 1, so it becomes all zeros instead of NaN.
 */
public final class StandardScaler {

    private final float[] mean;
    private final float[] scale;

    private StandardScaler(float[] mean, float[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Mean and standard deviation of each column (every axis but the first). */
    public static StandardScaler fit(Tensor x) {
        int rows = x.dim(0);
        int cols = x.rowSize();
        if (rows == 0) {
            throw new IllegalArgumentException("cannot fit a StandardScaler on 0 rows");
        }
        float[] d = x.buffer();
        // Two passes in double: exact zero variance for constant columns, no cancellation error.
        double[] sum = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                sum[c] += d[r * cols + c];
            }
        }
        double[] sq = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double dev = d[r * cols + c] - sum[c] / rows;
                sq[c] += dev * dev;
            }
        }
        float[] mean = new float[cols];
        float[] scale = new float[cols];
        for (int c = 0; c < cols; c++) {
            mean[c] = (float) (sum[c] / rows);
            double std = Math.sqrt(sq[c] / rows);
            scale[c] = std > 0 ? (float) std : 1f;
        }
        return new StandardScaler(mean, scale);
    }

    /** {@code (x - mean) / scale}, with the fitted statistics; x must have as many columns. */
    public Tensor transform(Tensor x) {
        int cols = x.rowSize();
        if (cols != mean.length) {
            throw new IllegalArgumentException("the scaler was fitted on " + mean.length + " columns, x has " + cols);
        }
        float[] d = x.buffer();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            int c = i % cols;
            out[i] = (d[i] - mean[c]) / scale[c];
        }
        return Tensor.wrap(out, x.shape());
    }

    public float[] mean() {
        return mean.clone();
    }

    /** The standard deviation of each column, 1 for constant columns. */
    public float[] scale() {
        return scale.clone();
    }
}
