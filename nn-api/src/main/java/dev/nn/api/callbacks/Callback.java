package dev.nn.api.callbacks;

import dev.nn.api.models.Model;
import java.util.Map;

/**
 * Hooks into {@code fit}, {@code evaluate} and {@code predict}. Every hook receives the logs of
 * the moment (loss and metrics so far; "val_" prefixed after validation) and does nothing unless
 * overridden. A callback can read and change the model, and stop training with
 * {@code model().stopTraining()}.
 */
public abstract class Callback {

    private Model model;
    private Map<String, Object> params = Map.of();

    /** Called by the model before training, evaluation or prediction starts. */
    public void setModel(Model model) {
        this.model = model;
    }

    public Model model() {
        return model;
    }

    /** Called with "epochs", "steps" and "verbose" before training. */
    public void setParams(Map<String, Object> params) {
        this.params = Map.copyOf(params);
    }

    public Map<String, Object> params() {
        return params;
    }

    public void onTrainBegin(Map<String, Double> logs) {
    }

    public void onTrainEnd(Map<String, Double> logs) {
    }

    public void onEpochBegin(int epoch, Map<String, Double> logs) {
    }

    public void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    }

    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    }

    public void onTestBegin(Map<String, Double> logs) {
    }

    public void onTestEnd(Map<String, Double> logs) {
    }

    public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    }

    public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    }

    public void onPredictBegin(Map<String, Double> logs) {
    }

    public void onPredictEnd(Map<String, Double> logs) {
    }

    public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    }

    public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    }
}
