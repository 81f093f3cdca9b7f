package dev.nn.backend.onnx.inspect;

/**
 * How large the tensors of a model may be before {@link OnnxInspector} refuses it. The limits
 * stop a small hostile file from declaring a tensor that would take all memory to load.
 *
 * <p>The defaults, {@value #DEFAULT_MAX_TENSOR_ELEMENTS} elements (1 GiB of float32) per tensor
 * and {@value #DEFAULT_MAX_TOTAL_ELEMENTS} elements (4 GiB of float32) over all tensors, admit
 * any model whose weights fit in one protobuf file (at most 2 GiB).
 *
 * @param maxTensorElements most elements one initializer or constant may declare
 * @param maxTotalElements  most elements all initializers and constants together may declare
 */
public record OnnxLimits(long maxTensorElements, long maxTotalElements) {
    public static final long DEFAULT_MAX_TENSOR_ELEMENTS = 1L << 28;
    public static final long DEFAULT_MAX_TOTAL_ELEMENTS = 1L << 30;
    // bytes = elements * bits / 8 must not overflow for the widest type, complex128 (128 bits)
    private static final long HARD_MAX = Long.MAX_VALUE / 128;

    public OnnxLimits {
        if (maxTensorElements < 1 || maxTensorElements > HARD_MAX || maxTotalElements < 1 || maxTotalElements > HARD_MAX) {
            throw new IllegalArgumentException("limits must lie in [1, " + HARD_MAX + "], got maxTensorElements="
                    + maxTensorElements + " maxTotalElements=" + maxTotalElements);
        }
    }

    public static OnnxLimits defaults() {
        return new OnnxLimits(DEFAULT_MAX_TENSOR_ELEMENTS, DEFAULT_MAX_TOTAL_ELEMENTS);
    }
}
