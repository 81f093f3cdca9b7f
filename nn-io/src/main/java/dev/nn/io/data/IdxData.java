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
        return ubytes != null ? Tensor.wrap(unsignedToFloat(1f), shape) : Tensor.of(floats, shape);
    }

    /** Unsigned-byte pixels scaled to [0, 1] by dividing by 255, with the file's shape. */
    public Tensor toImages() {
        requireUbytes("images");
        return Tensor.wrap(unsignedToFloat(255f), shape);
    }

    /** Unsigned-byte labels of a rank-1 file as a float tensor of class indices. */
    public Tensor toLabels() {
        requireUbytes("labels");
        if (shape.length != 1) {
            throw new IllegalStateException("labels need a rank-1 IDX file, this one has shape " + Arrays.toString(shape));
        }
        return Tensor.wrap(unsignedToFloat(1f), shape);
    }

    private float[] unsignedToFloat(float divisor) {
        float[] out = new float[ubytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (ubytes[i] & 0xFF) / divisor;
        }
        return out;
    }

    private void requireUbytes(String what) {
        if (ubytes == null) {
            throw new IllegalStateException(what + " need unsigned bytes (IDX type 0x08), this file holds float32 (0x0D)");
        }
    }
}
