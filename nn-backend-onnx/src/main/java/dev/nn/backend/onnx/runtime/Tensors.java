package dev.nn.backend.onnx.runtime;

import dev.nn.api.Tensor;
import java.util.Arrays;

/** nn tensors to and from {@link FloatArray}s, without copying the data. */
final class Tensors {
    private Tensors() {
    }

    static FloatArray toFloatArray(Tensor t) {
        // buffer() shares the array: onnxruntime copies it into native memory and never writes it
        return new FloatArray(t.buffer(), Arrays.stream(t.shape()).asLongStream().toArray());
    }

    static Tensor toTensor(FloatArray a) {
        long[] shape = a.shape();
        int[] dims = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = Math.toIntExact(shape[i]);
        }
        return Tensor.wrap(a.data(), dims);
    }
}
