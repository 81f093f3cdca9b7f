package dev.nn.io.data;

import dev.nn.api.Tensor;
import java.util.Arrays;

/**
 * The contents of one IDX file: its shape and its elements, either unsigned bytes (type 0x08) or
 * float32 (type 0x0D). Exactly one of {@link #ubytes()} and {@link #floats()} is non-null.
 * The arrays are shared, not copied: IDX files are large.
 */
public record IdxData(int[] shape, byte[] ubytes, float[] floats) {

    public static final int TYPE_UBYTE = 0x08;
    public static final int TYPE_FLOAT = 0x0D;

    public IdxData {
        shape = shape.clone();
        if ((ubytes == null) == (floats == null)) {
            throw new IllegalArgumentException("exactly one of ubytes and floats must be given");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        int len = ubytes != null ? ubytes.length : floats.length;
        if (shape.length == 0 || n != len) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + len + " elements");
        }
    }

    public static IdxData ofUbytes(byte[] data, int... shape) {
        return new IdxData(shape, data, null);
    }

    public static IdxData ofFloats(float[] data, int... shape) {
        return new IdxData(shape, null, data);
    }

    /** The IDX element-type code, 0x08 or 0x0D. */
    public int type() {
        return ubytes != null ? TYPE_UBYTE : TYPE_FLOAT;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of items along the first axis (images, labels). */
    public int count() {
        return shape[0];
    }

    /** The values as float32 with the same shape: bytes as 0..255, floats unchanged. */
    public Tensor toTensor() {
        return ubytes != null ? Tensor.wrap(unsignedToFloat(1f, 0, count()), shape) : Tensor.of(floats, shape);
    }

    /** Unsigned-byte pixels scaled to [0, 1] by dividing by 255, with the file's shape. */
    public Tensor toImages() {
        return toImages(0, count());
    }

    /**
     * Items {@code [from, to)} along the first axis as {@link #toImages()} gives them, converted
     * straight from the bytes: splitting a data set this way never holds a float copy of all of it.
     */
    public Tensor toImages(int from, int to) {
        requireUbytes("images");
        int[] s = rowsShape(from, to);
        return Tensor.wrap(unsignedToFloat(255f, from, to), s);
    }

    /** Unsigned-byte labels of a rank-1 file as a float tensor of class indices. */
    public Tensor toLabels() {
        return toLabels(0, count());
    }

    /** Labels {@code [from, to)} as {@link #toLabels()} gives them. */
    public Tensor toLabels(int from, int to) {
        requireUbytes("labels");
        if (shape.length != 1) {
            throw new IllegalStateException("labels need a rank-1 IDX file, this one has shape " + Arrays.toString(shape));
        }
        int[] s = rowsShape(from, to);
        return Tensor.wrap(unsignedToFloat(1f, from, to), s);
    }

    private int[] rowsShape(int from, int to) {
        if (from < 0 || to > shape[0] || from > to) {
            throw new IndexOutOfBoundsException("items [" + from + ", " + to + ") of shape " + Arrays.toString(shape));
        }
        int[] s = shape.clone();
        s[0] = to - from;
        return s;
    }

    private float[] unsignedToFloat(float divisor, int from, int to) {
        long itemSize = 1;
        for (int i = 1; i < shape.length; i++) {
            itemSize *= shape[i];
        }
        // within the array's length, since [from, to) was checked against the shape
        int start = (int) (from * itemSize);
        float[] out = new float[(int) ((to - from) * itemSize)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (ubytes[start + i] & 0xFF) / divisor;
        }
        return out;
    }

    private void requireUbytes(String what) {
        if (ubytes == null) {
            throw new IllegalStateException(what + " need unsigned bytes (IDX type 0x08), this file holds float32 (0x0D)");
        }
    }
}
