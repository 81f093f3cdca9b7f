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
}
