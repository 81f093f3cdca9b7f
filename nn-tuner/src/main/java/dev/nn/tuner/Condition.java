package dev.nn.tuner;

/** A hyperparameter exists only while {@code parent} has {@code value}. */
public record Condition(String parent, Object value) {

    public Condition {
        if (parent == null || value == null) {
            throw new IllegalArgumentException("a condition needs a parent name and a value, got " + parent + " = " + value);
        }
    }

    /** Whether {@code parentValue} satisfies this condition (1 and 1.0 count as equal). */
    public boolean holdsFor(Object parentValue) {
        return Values.same(value, parentValue);
    }
}
