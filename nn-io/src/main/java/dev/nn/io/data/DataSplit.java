package dev.nn.io.data;

import dev.nn.api.Tensor;
import java.util.Random;

/** Splitting arrays into random train and test subsets. */
public final class DataSplit {

    private DataSplit() {
    }

    /**
     * Shuffles the rows with {@code seed} and puts {@code ceil(testFraction * rows)} of them in the
     * test split and the rest in the training split, as scikit-learn's
     * {@code train_test_split(x, y, test_size=testFraction, random_state=seed)} does. The split
     * sizes match scikit-learn's; which rows land where does not, since the random generators
     * differ. The same seed always gives the same split.
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
        int[] order = permutation(n, new Random(seed));
        return new TrainTest(
                new Split(x.gatherRows(order, nTest, n), y.gatherRows(order, nTest, n)),
                new Split(x.gatherRows(order, 0, nTest), y.gatherRows(order, 0, nTest)));
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
