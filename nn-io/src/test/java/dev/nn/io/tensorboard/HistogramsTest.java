package dev.nn.io.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.io.tensorboard.proto.HistogramProto;
import org.junit.jupiter.api.Test;

class HistogramsTest {
    @Test
    void defaultLimitsAreTensorFlowsLayout() {
        double[] limits = Histograms.defaultLimits();
        // 1e-12 * 1.1^k < 1e20 for k = 0..773, so 774 limits a side, plus +-DBL_MAX and 0.
        assertEquals(2 * 774 + 3, limits.length);
        int zero = limits.length / 2;
        assertEquals(-Double.MAX_VALUE, limits[0]);
        assertEquals(0.0, limits[zero]);
        assertEquals(1e-12, limits[zero + 1]);
        assertEquals(-1e-12, limits[zero - 1]);
        assertEquals(1.1e-12, limits[zero + 2], 1e-24);
        assertTrue(limits[limits.length - 2] < 1e20 && limits[limits.length - 2] * 1.1 >= 1e20);
        assertEquals(Double.MAX_VALUE, limits[limits.length - 1]);
        for (int i = 1; i < limits.length; i++) {
            assertTrue(limits[i - 1] < limits[i], "limits ascend at " + i);
        }
    }

    @Test
    void summarisesTheValuesAndCollapsesEmptyRuns() {
        HistogramProto h = Histograms.of(new float[] {0f, 0f, 1f, -3f});
        assertEquals(-3, h.getMin());
        assertEquals(1, h.getMax());
        assertEquals(4, h.getNum());
        assertEquals(-2, h.getSum());
        assertEquals(10, h.getSumSquares());
        assertEquals(4, h.getBucketList().stream().mapToDouble(Double::doubleValue).sum());
        // occupied buckets alternate with single collapsed empty runs: empty, -3, empty, 0, empty, 1, empty
        assertArrayEquals(new double[] {0, 1, 0, 2, 0, 1, 0},
                h.getBucketList().stream().mapToDouble(Double::doubleValue).toArray());
        double[] limits = h.getBucketLimitList().stream().mapToDouble(Double::doubleValue).toArray();
        // bucket i holds [limit(i-1), limit(i)): 0 falls into [0, 1e-12), -3 just below its upper limit
        assertEquals(1e-12, limits[3]);
        assertTrue(limits[0] <= -3 && -3 < limits[1], "-3 in [" + limits[0] + ", " + limits[1] + ")");
        assertTrue(limits[4] <= 1 && 1 < limits[5]);
        assertEquals(Double.MAX_VALUE, limits[6]);
    }

    @Test
    void putsInfinitiesInTheOuterBuckets() {
        HistogramProto h = Histograms.of(new float[] {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY});
        assertEquals(-Double.MAX_VALUE, h.getBucketLimit(0));
        assertEquals(1, h.getBucket(0));
        assertEquals(Double.MAX_VALUE, h.getBucketLimit(h.getBucketLimitCount() - 1));
        assertEquals(1, h.getBucket(h.getBucketCount() - 1));
    }

    @Test
    void anEmptyHistogramIsOneEmptyBucket() {
        HistogramProto h = Histograms.of(new float[0]);
        assertEquals(0, h.getNum());
        assertEquals(1, h.getBucketCount());
    }

    @Test
    void rejectsNaNNamingItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Histograms.of(new float[] {1f, Float.NaN}));
        assertTrue(e.getMessage().contains("value 1 of 2 is NaN"), e.getMessage());
    }
}
