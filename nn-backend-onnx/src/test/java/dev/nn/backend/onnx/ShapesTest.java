package dev.nn.backend.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapesTest {

    @Test
    void countsElementsWithoutOverflowing() {
        assertEquals(1, Shapes.elementCount());
        assertEquals(24, Shapes.elementCount(2, 3, 4));
        assertEquals(-1, Shapes.elementCount(1L << 40, 1L << 40));
        assertEquals(0, Shapes.elementCount(1L << 40, 1L << 40, 0));
        assertEquals(Long.MAX_VALUE, Shapes.elementCount(Long.MAX_VALUE, 1));
        assertThrows(IllegalArgumentException.class, () -> Shapes.elementCount(2, -1));
    }
}
