package dev.nn.backend.onnx.export;

import dev.nn.api.Tensor;
import java.util.SplittableRandom;

/** Seeded random inputs for export tests. */
final class Inputs {
    private Inputs() {
    }

    /** Uniform in [lo, hi), with the model's example shape after a batch of {@code batch}. */
    static Tensor uniform(long seed, float lo, float hi, int batch, int[] modelShape) {
        int[] shape = modelShape.clone();
        shape[0] = batch;
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = lo + (hi - lo) * (float) rng.nextDouble();
        }
        return Tensor.wrap(data, shape);
    }
}
