package dev.nn.api.metrics;

import dev.nn.api.Shapes;
import dev.nn.api.Tensor;

/**
 * A weighted mean of a per-example value: accuracy, mean absolute error and the like.
 * Subclasses say how one example scores.
 */
public abstract class MeanMetric extends Metric {

    private double total;
    private double count;

    protected MeanMetric(String name) {
        super(name);
    }

    /**
     * The value of example {@code i}: its predictions are {@code pred[i·width, (i+1)·width)}
     * and its targets {@code truth[i·truthWidth, ...)}.
     */
    protected abstract double score(float[] truth, int truthWidth, float[] pred, int width, int i);

    @Override
    public void update(Tensor yTrue, Tensor yPred, float[] sampleWeight) {
        int n = yPred.dim(0);
        if (yTrue.dim(0) != n) {
            throw new IllegalArgumentException(name() + ": targets of shape " + Shapes.str(yTrue.shape())
                    + " for predictions of shape " + Shapes.str(yPred.shape()));
        }
        float[] t = yTrue.buffer();
        float[] p = yPred.buffer();
        int width = p.length / Math.max(n, 1);
        int truthWidth = t.length / Math.max(n, 1);
        for (int i = 0; i < n; i++) {
            double w = sampleWeight == null ? 1.0 : sampleWeight[i];
            total += w * score(t, truthWidth, p, width, i);
            count += w;
        }
    }

    /** Adds one already computed value with a weight (the loss tracker uses this). */
    public void add(double value, double weight) {
        total += value * weight;
        count += weight;
    }

    @Override
    public double result() {
        return count == 0 ? 0 : transform(total / count);
    }

    /** A final function of the mean (RMSE takes the square root). */
    protected double transform(double mean) {
        return mean;
    }

    @Override
    public void reset() {
        total = 0;
        count = 0;
    }

}
