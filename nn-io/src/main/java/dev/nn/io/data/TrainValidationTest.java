package dev.nn.io.data;

/**
 * Training, validation and test splits, the validation rows held out of the training file as the
 * book does with {@code X_train_full[:-5000]} and {@code X_train_full[-5000:]}.
 */
public record TrainValidationTest(Split train, Split validation, Split test) {
}
