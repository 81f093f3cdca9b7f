package dev.nn.api.callbacks;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A callback from lambdas, as Keras's LambdaCallback:
 * {@code LambdaCallback.builder().onEpochEnd((epoch, logs) -> ...).build()}. Hooks not given do nothing.
 */
public final class LambdaCallback extends Callback {

    private final Builder b;

    private LambdaCallback(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        b.onTrainBegin.accept(logs);
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        b.onTrainEnd.accept(logs);
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        b.onEpochBegin.accept(epoch, logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        b.onEpochEnd.accept(epoch, logs);
    }

    @Override
    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
        b.onBatchBegin.accept(batch, logs);
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        b.onBatchEnd.accept(batch, logs);
    }

    /** The hooks to run. */
    public static final class Builder {
        private Consumer<Map<String, Double>> onTrainBegin = logs -> { };
        private Consumer<Map<String, Double>> onTrainEnd = logs -> { };
        private BiConsumer<Integer, Map<String, Double>> onEpochBegin = (e, logs) -> { };
        private BiConsumer<Integer, Map<String, Double>> onEpochEnd = (e, logs) -> { };
        private BiConsumer<Integer, Map<String, Double>> onBatchBegin = (b, logs) -> { };
        private BiConsumer<Integer, Map<String, Double>> onBatchEnd = (b, logs) -> { };

        private Builder() {
        }

        public Builder onTrainBegin(Consumer<Map<String, Double>> hook) {
            this.onTrainBegin = hook;
            return this;
        }

        public Builder onTrainEnd(Consumer<Map<String, Double>> hook) {
            this.onTrainEnd = hook;
            return this;
        }

        public Builder onEpochBegin(BiConsumer<Integer, Map<String, Double>> hook) {
            this.onEpochBegin = hook;
            return this;
        }

        public Builder onEpochEnd(BiConsumer<Integer, Map<String, Double>> hook) {
            this.onEpochEnd = hook;
            return this;
        }

        /** Before each training batch. */
        public Builder onBatchBegin(BiConsumer<Integer, Map<String, Double>> hook) {
            this.onBatchBegin = hook;
            return this;
        }

        /** After each training batch. */
        public Builder onBatchEnd(BiConsumer<Integer, Map<String, Double>> hook) {
            this.onBatchEnd = hook;
            return this;
        }

        public LambdaCallback build() {
            return new LambdaCallback(this);
        }
    }
}
