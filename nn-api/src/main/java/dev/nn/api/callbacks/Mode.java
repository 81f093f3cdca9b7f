package dev.nn.api.callbacks;

/** Whether a monitored quantity is better lower ({@code MIN}), higher ({@code MAX}), or judged by its name ({@code AUTO}). */
public enum Mode {
    AUTO, MIN, MAX
}
