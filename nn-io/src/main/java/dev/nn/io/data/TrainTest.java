package dev.nn.io.data;

/** A training and a test split, as Keras's {@code load_data()} returns them. */
public record TrainTest(Split train, Split test) {
}
