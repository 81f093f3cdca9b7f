package dev.nn.api.backend;

/** Element-wise binary operations of {@link Backend#binary}. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, MAX, MIN;

    /** The scalar definition every backend must match. */
    public float apply(float a, float b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
        };
    }
}
