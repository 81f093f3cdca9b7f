package dev.nn.api.saving;

/** A float32 tensor as it is stored in a file: its name, shape and row-major values. */
record StoredTensor(String name, int[] shape, float[] data) {
}
