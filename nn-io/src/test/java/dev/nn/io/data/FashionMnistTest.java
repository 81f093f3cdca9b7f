package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
