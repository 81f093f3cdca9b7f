package dev.nn.api.backend;

/**
 * Element-wise functions of {@link Backend#unary}, with their scalar definitions and derivatives.
 * These scalar forms are the specification the SIMD kernels are tested against.
 */
public enum UnaryOp {
    IDENTITY, RELU, LEAKY_RELU, ELU, SELU, SIGMOID, TANH, SOFTPLUS, HEAVISIDE,
    EXP, LOG, NEG, SQUARE, SQRT, ABS, HUBER;

    /** SELU's constants (Klambauer et al. 2017). */
    public static final float SELU_ALPHA = 1.6732632423543772f;
    public static final float SELU_SCALE = 1.0507009873554805f;

    public float apply(float x, float alpha) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> x > 0 ? x : 0f;
            case LEAKY_RELU -> x > 0 ? x : alpha * x;
            case ELU -> x > 0 ? x : alpha * (float) Math.expm1(x);
            case SELU -> SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (float) Math.expm1(x));
            case SIGMOID -> sigmoid(x);
            case TANH -> (float) Math.tanh(x);
            case SOFTPLUS -> softplus(x);
            case HEAVISIDE -> x >= 0 ? 1f : 0f;
            case EXP -> (float) Math.exp(x);
            case LOG -> (float) Math.log(x);
            case NEG -> -x;
            case SQUARE -> x * x;
            case SQRT -> (float) Math.sqrt(x);
            case ABS -> Math.abs(x);
            case HUBER -> Math.abs(x) <= alpha ? 0.5f * x * x : alpha * (Math.abs(x) - 0.5f * alpha);
        };
    }

    /** f'(x), given x and y = f(x). The step function's derivative is taken as 0 everywhere. */
    public float derivative(float x, float y, float alpha) {
        return switch (this) {
            case IDENTITY -> 1f;
            case RELU -> x > 0 ? 1f : 0f;
            case LEAKY_RELU -> x > 0 ? 1f : alpha;
            case ELU -> x > 0 ? 1f : y + alpha;
            case SELU -> x > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA;
            case SIGMOID -> y * (1f - y);
            case TANH -> 1f - y * y;
            case SOFTPLUS -> sigmoid(x);
            case HEAVISIDE -> 0f;
            case EXP -> y;
            case LOG -> 1f / x;
            case NEG -> -1f;
            case SQUARE -> 2f * x;
            case SQRT -> 0.5f / y;
            case ABS -> Math.signum(x);
            case HUBER -> Math.abs(x) <= alpha ? x : alpha * Math.signum(x);
        };
    }

    /**
     * True when f' can be computed from the output alone, so a fused dense kernel need not keep
     * the pre-activation: {@link #derivative} then gives the right value when passed y as x.
     */
    public boolean derivativeFromOutput(float alpha) {
        return switch (this) {
            case IDENTITY, RELU, SELU, SIGMOID, TANH -> true;
            case LEAKY_RELU, ELU -> alpha >= 0; // a negative alpha makes the sign of y differ from x's

            default -> false;
        };
    }

    /** True when the op has a parameter (alpha) that changes its value. */
    public boolean hasAlpha() {
        return this == LEAKY_RELU || this == ELU || this == HUBER;
    }

    static float sigmoid(float x) {
        // split by sign so exp never overflows
        if (x >= 0) {
            return (float) (1.0 / (1.0 + Math.exp(-x)));
        }
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }

    static float softplus(float x) {
        // log(1 + e^x) = max(x, 0) + log1p(e^-|x|): stable for large |x|
        return (float) (Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
    }
}
