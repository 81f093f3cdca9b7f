package dev.nn.io.tensorboard;

import dev.nn.io.tensorboard.proto.HistogramProto;
import java.util.Arrays;

/**
 * Builds a {@link HistogramProto} with TensorFlow's default bucket layout, the one TensorBoard's
 * histogram and distribution dashboards were designed for: limits growing by 10% from 1e-12 to
 * 1e20 on each side of zero, closed by +-DBL_MAX.
 */
final class Histograms {
    private static final double[] DEFAULT_LIMITS = defaultLimits();

    private Histograms() {}

    /** The ascending bucket upper limits: -DBL_MAX, ..., -1e-12, 0, 1e-12, ..., DBL_MAX. */
    static double[] defaultLimits() {
        int perSide = 0;
        for (double v = 1e-12; v < 1e20; v *= 1.1) {
            perSide++;
        }
        double[] limits = new double[2 * (perSide + 1) + 1];
        int zero = perSide + 1;
        limits[zero] = 0.0;
        double v = 1e-12;
        for (int k = 1; k <= perSide; k++, v *= 1.1) {
            limits[zero + k] = v;
            limits[zero - k] = -v;
        }
        limits[limits.length - 1] = Double.MAX_VALUE;
        limits[0] = -Double.MAX_VALUE;
        return limits;
    }

    /**
     * Counts {@code values} into the default buckets. As TensorFlow does, each run of empty buckets
     * becomes one zero-count entry, so the proto holds the occupied ranges and the gaps between them.
     *
     * @throws IllegalArgumentException if a value is NaN (it belongs to no bucket)
     */
    static HistogramProto of(float[] values) {
        double[] counts = new double[DEFAULT_LIMITS.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("histogram value " + i + " of " + values.length
                        + " is NaN; a histogram of a diverged tensor has no buckets, log a scalar flag instead");
            }
            counts[bucketOf(v)]++;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSquares += v * v;
        }
        HistogramProto.Builder proto = HistogramProto.newBuilder()
                .setMin(values.length == 0 ? 0 : min)
                .setMax(values.length == 0 ? 0 : max)
                .setNum(values.length)
                .setSum(sum)
                .setSumSquares(sumSquares);
        for (int i = 0; i < counts.length; ) {
            double limit = DEFAULT_LIMITS[i];
            double count = counts[i++];
            if (count == 0) {
                while (i < counts.length && counts[i] == 0) {
                    limit = DEFAULT_LIMITS[i++];
                }
            }
            proto.addBucketLimit(limit).addBucket(count);
        }
        return proto.build();
    }

    /** Index of the first limit above v: bucket i holds [limit(i-1), limit(i)); +inf goes in the last. */
    private static int bucketOf(double v) {
        int found = Arrays.binarySearch(DEFAULT_LIMITS, v);
        int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, DEFAULT_LIMITS.length - 1);
    }
}
