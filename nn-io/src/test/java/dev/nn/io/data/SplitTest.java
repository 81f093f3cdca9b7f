package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nn.api.Tensor;
import org.junit.jupiter.api.Test;

class SplitTest {

    private final Split split = new Split(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), Tensor.of(new float[] {7, 8, 9}, 3));

    @Test
    void firstRowsKeepTheirOrderAndPairing() {
        Split two = split.first(2);
        assertArrayEquals(new float[] {1, 2, 3, 4}, two.x().toArray());
        assertArrayEquals(new float[] {7, 8}, two.y().toArray());
        assertArrayEquals(new int[] {2, 2}, two.x().shape());
    }

    @Test
    void askingForAllOrMoreGivesTheSplitItselfAndNegativeFails() {
        assertSame(split, split.first(3));
        assertSame(split, split.first(10));
        assertThrows(IllegalArgumentException.class, () -> split.first(-1));
    }
}
