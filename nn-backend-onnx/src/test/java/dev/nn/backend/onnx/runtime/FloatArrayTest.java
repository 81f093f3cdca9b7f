package dev.nn.backend.onnx.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FloatArrayTest {

    @Test
    void shapeMustMatchTheData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FloatArray.of(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("[2, 3] holds 6 elements but the data has 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FloatArray.of(new float[0], 2, -1));
    }

    @Test
    void comparesByContentAndKeepsItsShape() {
        long[] shape = {1, 2};
        FloatArray a = new FloatArray(new float[] {1, 2}, shape);
        shape[0] = 7;
        a.shape()[1] = 9;
        assertEquals(FloatArray.of(new float[] {1, 2}, 1, 2), a);
        assertEquals(FloatArray.of(new float[] {1, 2}, 1, 2).hashCode(), a.hashCode());
        assertNotEquals(FloatArray.of(new float[] {1, 2}, 2, 1), a);
        assertEquals(1, FloatArray.of(new float[] {3}).data().length); // a scalar
    }
}
