package dev.nn.api;

/** nn's op vocabulary: every piece of math a layer, loss or model uses is one of these. */
public enum OpType {
    /** a model input (a placeholder, no operands) */
    INPUT,
    MATMUL, ADD, SUB, MUL, DIV,
    /** an element-wise function; attrs "fn" ({@link dev.nn.api.backend.UnaryOp}) and "alpha" */
    UNARY,
    SOFTMAX, LOG_SOFTMAX,
    /** fused {@code act(x·W + b)}; attrs "fn" and "alpha" for the activation */
    DENSE,
    /** attr "shape" (int[], -1 for the batch) */
    RESHAPE,
    /** attr "axis" */
    CONCAT,
    /** attrs "axis" (Integer, absent for all axes) and "keepDims" */
    SUM, MEAN,
    /** attrs "min" and "max" */
    CLIP,
    /** fused softmax cross-entropy per row; attr "sparse" */
    SOFTMAX_CROSS_ENTROPY,
    /** fused sigmoid cross-entropy per element */
    SIGMOID_CROSS_ENTROPY
}
