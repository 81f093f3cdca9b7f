package dev.nn.io.data;

import dev.nn.api.Tensor;

/** Splitting arrays into random train and test subsets. */
public final class DataSplit {

    private DataSplit() {
    }

    /**
     * Splits the rows exactly as scikit-learn's
     * {@code train_test_split(x, y, test_size=testFraction, random_state=seed)} does: NumPy's
     * {@code RandomState(seed).permutation(rows)}, its first {@code ceil(testFraction · rows)}
     * entries for the test split and the rest for training, in permutation order. So the book's
     * splits (seed 42) are the same rows here.
     */
    public static TrainTest trainTestSplit(Tensor x, Tensor y, double testFraction, long seed) {
        int n = x.dim(0);
        if (y.dim(0) != n) {
            throw new IllegalArgumentException("x has " + n + " rows but y has " + y.dim(0));
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        int nTest = (int) Math.ceil(testFraction * n);
        if (nTest >= n) {
            throw new IllegalArgumentException("a test fraction of " + testFraction + " of " + n
                    + " rows leaves no training rows");
        }
        int[] order = new NumpyRandomState(seed).permutation(n);
        return new TrainTest(
                new Split(x.gatherRows(order, nTest, n), y.gatherRows(order, nTest, n)),
                new Split(x.gatherRows(order, 0, nTest), y.gatherRows(order, 0, nTest)));
    }
}
