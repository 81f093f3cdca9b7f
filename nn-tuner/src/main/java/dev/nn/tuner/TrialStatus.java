package dev.nn.tuner;

/** Where a trial stands; RUNNING on disk after a kill means it is run again on resume. */
public enum TrialStatus {
    RUNNING,
    COMPLETED,
    FAILED
}
