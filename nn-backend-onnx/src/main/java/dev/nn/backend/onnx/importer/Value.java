package dev.nn.backend.onnx.importer;

import dev.nn.api.Tensor;

/**
 * A value flowing through an imported graph: a float tensor (nn's only element type), or a
 * constant int64 tensor, which ONNX uses for shapes and axes and nn keeps as plain numbers.
 */
public sealed interface Value {

    /** A float32 tensor, concrete or symbolic. */
    record Floats(Tensor tensor) implements Value {
    }

    /** A constant int64 tensor (always known at import time). */
    record Ints(long[] values) implements Value {
        public Ints {
            values = values.clone();
        }

        @Override
        public long[] values() {
            return values.clone();
        }
    }
}
