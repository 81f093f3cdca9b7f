package dev.nn.api.metrics;

import dev.nn.api.Tensor;

/**
 * A running statistic over batches: {@link #update} with each batch, {@link #result} at any time,
 * {@link #reset} between epochs. Computed on concrete values, outside autodiff.
 */
public abstract class Metric {

    private final String name;

    protected Metric(String name) {
        this.name = name;
    }

    /** The key under which History and the progress bar show it. */
    public String name() {
        return name;
    }

    /** Adds a batch; {@code sampleWeight} may be null. */
    public abstract void update(Tensor yTrue, Tensor yPred, float[] sampleWeight);

    public abstract double result();

    public abstract void reset();

    /** A fresh metric of the same kind under another name. */
    public abstract Metric renamed(String newName);

    @Override
    public String toString() {
        return name;
    }
}
