package dev.nn.io.data;

import dev.nn.api.Tensor;
import dev.nn.api.metrics.Metrics;
import java.util.Arrays;

/** Class indices to one-hot rows and back. */
public final class OneHot {

    private OneHot() {
    }

    /**
     * One row per label with a 1 at the label's index: shape (n, classes). Labels are class
     * indices stored as floats, shape (n) or (n, 1).
     */
    public static Tensor encode(Tensor labels, int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("classes must be positive, got " + classes);
        }
        float[] l = labels.buffer();
        if (l.length != labels.dim(0)) {
            throw new IllegalArgumentException("labels must have shape (n) or (n, 1), got " + Arrays.toString(labels.shape()));
        }
        float[] out = new float[l.length * classes];
        for (int i = 0; i < l.length; i++) {
            int k = (int) l[i];
            if (k != l[i] || k < 0 || k >= classes) {
                throw new IllegalArgumentException("label " + l[i] + " at index " + i + " is not a class index in [0, "
                        + classes + ")");
            }
            out[i * classes + k] = 1f;
        }
        return Tensor.wrap(out, l.length, classes);
    }

    /**
     * Index of the largest value along the last axis (the first one on ties), as floats: the
     * predicted classes of a batch of scores, shape (n) for scores of shape (n, classes).
     */
    public static Tensor argmax(Tensor scores) {
        int[] shape = scores.shape();
        if (shape.length == 0 || shape[shape.length - 1] == 0) {
            throw new IllegalArgumentException("argmax needs a non-empty last axis, shape " + Arrays.toString(shape));
        }
        int k = shape[shape.length - 1];
        float[] d = scores.buffer();
        float[] out = new float[d.length / k];
        for (int r = 0; r < out.length; r++) {
            out[r] = Metrics.argmax(d, r * k, k);
        }
        return Tensor.wrap(out, Arrays.copyOf(shape, shape.length - 1));
    }
}
