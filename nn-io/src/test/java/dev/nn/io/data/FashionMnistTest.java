package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.api.Tensor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST from Debian's dataset-fashion-mnist package. */
class FashionMnistTest {

    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path emptyCache;

    /** The default search order with an empty cache and no network: it must find the system copy. */
    private TrainTest load() throws IOException {
        TestData.require(DEBIAN.resolve("train-images-idx3-ubyte.gz"), "Debian's dataset-fashion-mnist");
        return FashionMnist.load(DataLocator.defaults().withCacheHome(emptyCache).offline());
    }

    private TrainValidationTest loadWithValidation(int rows) throws IOException {
        TestData.require(DEBIAN.resolve("train-images-idx3-ubyte.gz"), "Debian's dataset-fashion-mnist");
        return FashionMnist.loadWithValidation(DataLocator.defaults().withCacheHome(emptyCache).offline(), rows);
    }

    /** The book's split, X_train_full[:-5000] and X_train_full[-5000:], row for row. */
    @Test
    void validationSplitHoldsTheLastTrainingRows() throws IOException {
        TrainTest full = load();
        TrainValidationTest d = loadWithValidation(5_000);
        Tensor x = full.train().x();
        assertArrayEquals(new int[] {55000, 28, 28}, d.train().x().shape());
        assertArrayEquals(new int[] {5000, 28, 28}, d.validation().x().shape());
        assertRow(x, 0, d.train().x(), 0);
        assertRow(x, 54_999, d.train().x(), 54_999);
        assertRow(x, 55_000, d.validation().x(), 0);
        assertRow(x, 59_999, d.validation().x(), 4_999);
        assertArrayEquals(full.train().y().rows(0, 55_000).toArray(), d.train().y().toArray());
        assertArrayEquals(full.train().y().rows(55_000, 60_000).toArray(), d.validation().y().toArray());
        assertArrayEquals(full.test().x().buffer(), d.test().x().buffer());
        assertArrayEquals(full.test().y().buffer(), d.test().y().buffer());
    }

    @Test
    void validationSizeMustLeaveTrainingRows() throws IOException {
        String m = assertThrows(IllegalArgumentException.class, () -> loadWithValidation(60_000)).getMessage();
        assertTrue(m.contains("validationRows is 60000 but the training set has 60000 rows"), m);
    }

    private static void assertRow(Tensor expected, int expectedRow, Tensor actual, int actualRow) {
        assertArrayEquals(expected.rows(expectedRow, expectedRow + 1).toArray(),
                actual.rows(actualRow, actualRow + 1).toArray(), "row " + expectedRow);
    }

    @Test
    void shapesLabelsAndFirstLabels() throws IOException {
        TrainTest d = load();
        assertArrayEquals(new int[] {60000, 28, 28}, d.train().x().shape());
        assertArrayEquals(new int[] {10000, 28, 28}, d.test().x().shape());
        assertArrayEquals(new int[] {60000}, d.train().y().shape());
        assertArrayEquals(new int[] {10000}, d.test().y().shape());

        int[] counts = new int[10];
        for (float label : d.train().y().buffer()) {
            counts[(int) label]++;
        }
        assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, counts);
        assertArrayEquals(new float[] {9, 0, 0, 3, 0}, d.train().y().rows(0, 5).toArray());
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(9));

        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : d.test().x().buffer()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void loadingAsFloat32TakesLessThan400MbOfHeap() throws IOException {
        long before = usedAfterGc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        TrainTest d = load();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long after = usedAfterGc();
        long mb = (after - before) >> 20;
        // the floats alone are 70,000 x 784 x 4 bytes = 209 MiB
        System.out.println("Fashion-MNIST as float32: " + mb + " MiB of heap retained; peak while loading at most "
                + ((peak - before) >> 20) + " MiB (sum of the pools' peaks)");
        assertTrue(mb < 400, mb + " MiB");
        Tensor x = d.train().x();
        assertEquals(60000, x.dim(0), "keeps the data reachable until measured");
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
