package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SmallDatasetsTest {

    @Test
    void irisIsShippedInsideNnIo() throws IOException {
        Split iris = Iris.load();
        assertArrayEquals(new int[] {150, 4}, iris.x().shape());
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, iris.x().rows(0, 1).toArray());
        int[] counts = new int[3];
        for (float label : iris.y().buffer()) {
            counts[(int) label]++;
        }
        assertArrayEquals(new int[] {50, 50, 50}, counts);
    }

    @Test
    void digitsFromTheSharedFolder() throws IOException {
        Split d = Digits.load(TestData.sharedDataset("digits-8x8/digits.csv.gz"));
        assertArrayEquals(new int[] {1797, 64}, d.x().shape());
        assertArrayEquals(new float[] {0, 0, 5, 13, 9, 1, 0, 0}, Arrays.copyOf(d.x().buffer(), 8));
        assertArrayEquals(new float[] {0, 1, 2}, d.y().rows(0, 3).toArray());
    }
}
