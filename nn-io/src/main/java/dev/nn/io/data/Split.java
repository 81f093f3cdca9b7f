package dev.nn.io.data;

import dev.nn.api.Tensor;

/** Inputs and targets of one split of a data set; both have the same number of rows. */
public record Split(Tensor x, Tensor y) {

    public Split {
        if (x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException("x has " + x.dim(0) + " rows but y has " + y.dim(0));
        }
    }

    public int size() {
        return x.dim(0);
    }

    /** The first {@code rows} rows (copied), or this split when it has no more than that. */
    public Split first(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be 0 or more, got " + rows);
        }
        return rows >= size() ? this : new Split(x.rows(0, rows), y.rows(0, rows));
    }
}
