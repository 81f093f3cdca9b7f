package dev.nn.io.data;

/** What {@link TableEncoder} does with missing values after counting them. */
public enum MissingPolicy {
    /** Drop every row with a missing value. */
    DROP,
    /** Replace a missing number with its column's mean. */
    MEAN,
    /** Replace a missing number with its column's median (robust to outliers). */
    MEDIAN
}
