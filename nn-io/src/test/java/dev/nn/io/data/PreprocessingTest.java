package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nn.api.Tensor;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    private static Split rows(int n) {
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 1000 + i;
            y[i] = i;
        }
        return new Split(Tensor.wrap(x, n, 2), Tensor.wrap(y, n));
    }

    @Test
    void trainTestSplitSizesLikeScikitLearnAndKeepsPairs() {
        Split all = rows(20640);
        TrainTest tt = DataSplit.trainTestSplit(all.x(), all.y(), 0.25, 42);
        assertEquals(5160, tt.test().size());
        assertEquals(15480, tt.train().size());
        TrainTest tv = DataSplit.trainTestSplit(tt.train().x(), tt.train().y(), 0.25, 42);
        assertEquals(11610, tv.train().size());
        assertEquals(3870, tv.test().size());

        Set<Float> seen = new HashSet<>();
        for (Split s : new Split[] {tt.train(), tt.test()}) {
            for (int i = 0; i < s.size(); i++) {
                float id = s.y().get(i);
                assertEquals(id, s.x().get(i, 0));
                assertEquals(1000 + id, s.x().get(i, 1));
                seen.add(id);
            }
        }
        assertEquals(20640, seen.size(), "every row lands in exactly one split");
        assertEquals(4, DataSplit.trainTestSplit(rows(10).x(), rows(10).y(), 0.31, 1).test().size(), "ceil");
    }

    @Test
    void trainTestSplitIsSeeded() {
        Split all = rows(100);
        float[] a = DataSplit.trainTestSplit(all.x(), all.y(), 0.2, 7).test().y().toArray();
        float[] b = DataSplit.trainTestSplit(all.x(), all.y(), 0.2, 7).test().y().toArray();
        float[] c = DataSplit.trainTestSplit(all.x(), all.y(), 0.2, 8).test().y().toArray();
        assertArrayEquals(a, b);
        assertNotEquals(Arrays.toString(a), Arrays.toString(c));
        assertThrows(IllegalArgumentException.class, () -> DataSplit.trainTestSplit(all.x(), all.y(), 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> DataSplit.trainTestSplit(all.x(), rows(5).y(), 0.5, 1));
    }

    @Test
    void standardScalerFitsOnTrainAndHandlesConstantColumns() {
        Tensor train = Tensor.of(new float[] {1, 5, 100, 3, 5, 200, 5, 5, 300}, 3, 3);
        StandardScaler s = StandardScaler.fit(train);
        assertArrayEquals(new float[] {3, 5, 200}, s.mean());
        float sd = (float) Math.sqrt(8.0 / 3);
        assertArrayEquals(new float[] {sd, 1, (float) Math.sqrt(20000.0 / 3)}, s.scale(), 1e-3f);
        Tensor z = s.transform(train);
        assertArrayEquals(new float[] {-2 / sd, 0, -1.2247449f}, z.rows(0, 1).toArray(), 1e-5f);
        assertEquals(0f, z.get(2, 1), "a constant column becomes zeros, not NaN");
        Tensor other = s.transform(Tensor.of(new float[] {3, 6, 200}, 1, 3));
        assertArrayEquals(new float[] {0, 1, 0}, other.toArray(), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> s.transform(Tensor.zeros(2, 2)));
    }

    @Test
    void oneHotAndArgmax() {
        Tensor labels = Tensor.vector(2, 0, 1);
        Tensor oh = OneHot.encode(labels, 3);
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, oh.toArray());
        assertArrayEquals(labels.toArray(), OneHot.argmax(oh).toArray());
        assertArrayEquals(new float[] {1, 0}, OneHot.argmax(Tensor.of(new float[] {0.1f, 0.7f, 0.7f, 5, 5, 1}, 2, 3)).toArray(),
                "ties go to the first index");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(Tensor.vector(0, 3), 3));
        assertEquals("label 3.0 at index 1 is not a class index in [0, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(Tensor.vector(0.5f), 3));
    }
}
