package dev.nn.backend.onnx.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReshapeTargetTest {

    @Test
    void aLeadingMinusOneThatIsTheBatchCopiesDimensionZero() {
        assertArrayEquals(new long[] {0, 784}, ReshapeTarget.of(new int[] {-1, 28, 28}, new int[] {-1, 784}, "n"));
        assertArrayEquals(new long[] {0, 3, 4}, ReshapeTarget.of(new int[] {-1, 12}, new int[] {-1, 3, 4}, "n"));
    }

    @Test
    void aMinusOneThatChangesTheBatchStaysInferred() {
        // (batch, 12) as (-1, 4) has 3·batch rows: copying the batch would be wrong
        assertArrayEquals(new long[] {-1, 4}, ReshapeTarget.of(new int[] {-1, 12}, new int[] {-1, 4}, "n"));
        assertArrayEquals(new long[] {-1, 6}, ReshapeTarget.of(new int[] {-1, -1}, new int[] {-1, 6}, "n"));
        assertArrayEquals(new long[] {2, -1}, ReshapeTarget.of(new int[] {-1, 6}, new int[] {2, -1}, "n"));
    }

    @Test
    void zeroSizesAreRefusedBecauseOnnxReadsThemAsCopy() {
        assertThrows(IllegalArgumentException.class, () -> ReshapeTarget.of(new int[] {-1, 6}, new int[] {-1, 0}, "n"));
    }
}
