package dev.nn.tuner;

/** How a float hyperparameter is spread between its bounds. */
public enum Sampling {
    /** Uniform between min and max. */
    LINEAR,
    /** Uniform in log(value): as likely between 1e-4 and 1e-3 as between 1e-3 and 1e-2. */
    LOG
}
