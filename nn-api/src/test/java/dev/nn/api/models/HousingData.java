package dev.nn.api.models;

import dev.nn.api.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The book's housing.csv as scikit-learn's eight features (MedInc, HouseAge, AveRooms,
 * AveBedrms, Population, AveOccup, Latitude, Longitude; target in $100,000), shuffled with a
 * seed, split 11,610 / 3,870 / 5,160 and standardized with the training rows' statistics.
 * A test fixture only: the library's loader lives in nn-io, which nn-api cannot depend on.
 */
record HousingData(Split train, Split valid, Split test) {

    private static final int FEATURES = 8;

    record Split(Tensor x, Tensor y) {
        Tensor wide() {
            return columns(0, 5);
        }

        Tensor deep() {
            return columns(2, 8);
        }

        private Tensor columns(int from, int to) {
            float[] v = x.buffer();
            int n = x.dim(0);
            float[] out = new float[n * (to - from)];
            for (int r = 0; r < n; r++) {
                System.arraycopy(v, r * FEATURES + from, out, r * (to - from), to - from);
            }
            return Tensor.wrap(out, n, to - from);
        }
    }

    static HousingData load(Path csv, long seed) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int n = lines.size() - 1;
        float[][] x = new float[n][];
        float[] y = new float[n];
        double[] bedroomRatios = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            double households = Double.parseDouble(f[6]);
            bedroomRatios[i] = f[4].isEmpty() ? Double.NaN : Double.parseDouble(f[4]) / households;
            x[i] = new float[] {
                (float) Double.parseDouble(f[7]), (float) Double.parseDouble(f[2]),
                (float) (Double.parseDouble(f[3]) / households), (float) bedroomRatios[i],
                (float) Double.parseDouble(f[5]), (float) (Double.parseDouble(f[5]) / households),
                (float) Double.parseDouble(f[1]), (float) Double.parseDouble(f[0])};
            y[i] = (float) (Double.parseDouble(f[8]) / 100_000);
        }
        float median = (float) median(bedroomRatios); // the book's copy lacks 207 bedroom counts
        for (float[] row : x) {
            if (Float.isNaN(row[3])) {
                row[3] = median;
            }
        }
        int[] order = permutation(n, seed);
        int testRows = 5_160;
        int validRows = 3_870;
        int trainRows = n - testRows - validRows;
        float[][] stats = stats(x, order, trainRows);
        return new HousingData(
                split(x, y, order, 0, trainRows, stats),
                split(x, y, order, trainRows, trainRows + validRows, stats),
                split(x, y, order, trainRows + validRows, n, stats));
    }

    private static double median(double[] values) {
        double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return known[known.length / 2];
    }

    private static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Mean and standard deviation of each feature over the first {@code rows} rows of the order. */
    private static float[][] stats(float[][] x, int[] order, int rows) {
        float[] mean = new float[FEATURES];
        float[] std = new float[FEATURES];
        for (int c = 0; c < FEATURES; c++) {
            double s = 0;
            double sq = 0;
            for (int i = 0; i < rows; i++) {
                double v = x[order[i]][c];
                s += v;
                sq += v * v;
            }
            double m = s / rows;
            mean[c] = (float) m;
            std[c] = (float) Math.sqrt(Math.max(sq / rows - m * m, 1e-12));
        }
        return new float[][] {mean, std};
    }

    private static Split split(float[][] x, float[] y, int[] order, int from, int to, float[][] stats) {
        int n = to - from;
        float[] xs = new float[n * FEATURES];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            float[] row = x[order[from + i]];
            for (int c = 0; c < FEATURES; c++) {
                xs[i * FEATURES + c] = (row[c] - stats[0][c]) / stats[1][c];
            }
            ys[i] = y[order[from + i]];
        }
        return new Split(Tensor.wrap(xs, n, FEATURES), Tensor.wrap(ys, n, 1));
    }
}
