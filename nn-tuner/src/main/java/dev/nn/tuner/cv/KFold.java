package dev.nn.tuner.cv;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K consecutive folds of n rows, as scikit-learn's KFold: the first n mod k folds get one row
 * more; with a seed the rows are shuffled first.
 */
public record KFold(int k, boolean shuffle, long seed) {

    public KFold {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
    }

    /** One fold: the rows to train on and the rows to score on. */
    public record Fold(int[] train, int[] test) {
    }

    public List<Fold> split(int n) {
        if (n < k) {
            throw new IllegalArgumentException("cannot make " + k + " folds of " + n + " rows");
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        List<Fold> folds = new ArrayList<>();
        int start = 0;
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            int[] test = new int[size];
            int[] train = new int[n - size];
            for (int i = 0, a = 0; i < n; i++) {
                if (i >= start && i < start + size) {
                    test[i - start] = order[i];
                } else {
                    train[a++] = order[i];
                }
            }
            folds.add(new Fold(train, test));
            start += size;
        }
        return folds;
    }
}
