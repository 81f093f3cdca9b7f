package dev.nn.api.models;

import dev.nn.api.GradientTape;
import dev.nn.api.Ops;
import dev.nn.api.RecycledBuffers;
import dev.nn.api.Shapes;
import dev.nn.api.Tensor;
import dev.nn.api.Variable;
import dev.nn.api.backend.Backends;
import dev.nn.api.callbacks.Callback;
import dev.nn.api.data.Dataset;
import dev.nn.api.data.Dataset.Element;
import dev.nn.api.callbacks.History;
import dev.nn.api.callbacks.ProgressBar;
import dev.nn.api.callbacks.TerminateOnNaN;
import dev.nn.api.layers.Layer;
import dev.nn.api.losses.Loss;
import dev.nn.api.metrics.MeanMetric;
import dev.nn.api.metrics.Metric;
import dev.nn.api.metrics.Metrics;
import dev.nn.api.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Iterator;

/** The loops behind fit, evaluate and predict: batching, the train step, metrics and callbacks. */
final class TrainingLoop {

    private final Model model;
    private final Compiled compiled;
    private final RecycledBuffers stepBuffers = new RecycledBuffers();

    TrainingLoop(Model model, Compiled compiled) {
        this.model = model;
        this.compiled = compiled;
    }

    // ---- fit -------------------------------------------------------------------------------

    History fit(List<Tensor> xs, List<Tensor> ys, FitOptions.Settings s) {
        requireTrainingBackend();
        int n = checkData(xs, ys, "fit");
        model.buildFor(shapesOf(xs));
        checkTargets(ys, "fit");
        float[] sampleWeights = combinedWeights(ys, s, n);

        List<Tensor> trainX = xs;
        List<Tensor> trainY = ys;
        Batches validation = validationBatches(s);
        if (s.validationSplit > 0) {
            int split = (int) Math.round(n * (1 - s.validationSplit));
            trainX = rows(xs, 0, split);
            trainY = rows(ys, 0, split);
            validation = Batches.ofArrays(rows(xs, split, n), rows(ys, split, n), null, s.batchSize, false, 0, false);
            if (sampleWeights != null) {
                sampleWeights = java.util.Arrays.copyOf(sampleWeights, split);
            }
        }
        return train(Batches.ofArrays(trainX, trainY, sampleWeights, s.batchSize, s.shuffle, model.seed(), true), validation, s);
    }

    /** Trains on a batched Dataset; validation may be arrays or a Dataset. */
    History fit(Dataset data, FitOptions.Settings s) {
        requireTrainingBackend();
        if (s.validationSplit > 0 || s.sampleWeight != null || s.classWeight != null) {
            throw new IllegalArgumentException("fit on a Dataset: validationSplit, sampleWeight and classWeight apply to "
                    + "arrays; put weights in the dataset's elements and hold out validation data with take/skip");
        }
        Batches batches = Batches.ofDataset(data, "fit");
        Iterator<Element> first = data.iterator(0);
        if (!first.hasNext()) {
            throw new IllegalArgumentException("fit: the dataset is empty");
        }
        Element e = first.next();
        checkData(e.x(), e.y(), "fit (first batch of the dataset)");
        model.buildFor(shapesOf(e.x()));
        checkTargets(e.y(), "fit (first batch of the dataset)");
        return train(batches, validationBatches(s), s);
    }

    private void requireTrainingBackend() {
        if (!Backends.current().supportsTraining()) {
            throw new IllegalStateException("backend '" + Backends.current().name() + "' is for inference only; "
                    + "use Backends.use(\"vector\") to train");
        }
    }

    private Batches validationBatches(FitOptions.Settings s) {
        if (s.validationDataset != null) {
            return Batches.ofDataset(s.validationDataset, "validation data");
        }
        List<Tensor> valX = s.validationX;
        List<Tensor> valY = s.validationY;
        if (s.validationXByName != null) {
            valX = model.inputsByName(s.validationXByName);
            valY = model.targetsByName(s.validationYByName, valX);
        }
        if (valX == null) {
            return null;
        }
        checkData(valX, valY, "validation data");
        return Batches.ofArrays(valX, valY, null, s.batchSize, false, 0, false);
    }

    private History train(Batches batches, Batches validation, FitOptions.Settings s) {
        History history = new History();
        List<Callback> callbacks = new ArrayList<>();
        callbacks.add(history);
        callbacks.addAll(s.callbacks);
        if (s.verbose > 0) {
            callbacks.add(new ProgressBar(s.verbose));
        }
        Map<String, Object> params = Map.of("epochs", s.epochs, "steps", batches.steps(), "verbose", s.verbose);
        for (Callback c : callbacks) {
            c.setModel(model);
            c.setParams(params);
        }
        model.clearStopRequest();
        MeanMetric lossTracker = Metrics.mean("loss");
        List<MeanMetric> outputLossTrackers = outputLossTrackers("");
        List<Metric> metrics = compiled.allMetrics();
        List<Variable> variables = model.trainableWeights();
        boolean stopOnNaN = callbacks.stream().anyMatch(c -> c instanceof TerminateOnNaN);
        boolean recycleForward = runsOnlyOwnLayers(model);

        each(callbacks, c -> c.onTrainBegin(Map.of()));
        Map<String, Double> logs = new LinkedHashMap<>();
        for (int epoch = s.initialEpoch; epoch < s.epochs && !model.stopRequested(); epoch++) {
            final int e = epoch;
            each(callbacks, c -> c.onEpochBegin(e, Map.of()));
            lossTracker.reset();
            outputLossTrackers.forEach(MeanMetric::reset);
            metrics.forEach(Metric::reset);
            Iterator<Element> pass = batches.pass(epoch);
            for (int step = 0; pass.hasNext(); step++) {
                for (Callback c : callbacks) { // plain loops: the per-batch hooks capture nothing
                    c.onTrainBatchBegin(step, Map.of());
                }
                Element batch = pass.next();
                trainStep(batch, variables, lossTracker, outputLossTrackers, stopOnNaN, recycleForward);
                Map<String, Double> batchLogs = logs(lossTracker, outputLossTrackers, metrics);
                for (Callback c : callbacks) {
                    c.onTrainBatchEnd(step, batchLogs);
                }
                if (model.stopRequested()) {
                    break; // as Keras: a callback that stops training in a batch hook ends the epoch there
                }
            }
            model.setEpochsCompleted(epoch + 1);
            logs = logs(lossTracker, outputLossTrackers, metrics);
            if (validation != null) {
                Map<String, Double> val = run(validation, callbacks);
                for (Map.Entry<String, Double> en : val.entrySet()) {
                    logs.put("val_" + en.getKey(), en.getValue());
                }
            }
            Map<String, Double> epochLogs = logs;
            each(callbacks, c -> c.onEpochEnd(e, epochLogs));
        }
        Map<String, Double> finalLogs = logs;
        each(callbacks, c -> c.onTrainEnd(finalLogs));
        return history;
    }

    /**
     * One gradient step. A NaN or infinite loss fails, unless a {@link TerminateOnNaN} is listening:
     * then the step is skipped (the weights keep their last finite values) and the loss is logged
     * for the callback to stop training.
     *
     * <p>The arrays of the gradients, which only this step sees, are recycled for the next step;
     * so are those of the forward pass when {@code recycleForward} (see {@link #runsOnlyOwnLayers}).
     */
    private void trainStep(Element batch, List<Variable> variables, MeanMetric lossTracker,
                           List<MeanMetric> outputLossTrackers, boolean stopOnNaN, boolean recycleForward) {
        int size = batch.x().get(0).dim(0);
        try (GradientTape tape = GradientTape.record();
             RecycledBuffers.Scope stepScope = recycleForward ? stepBuffers.open() : null) {
            List<Tensor> outputs = model.forward(batch.x(), true);
            Tensor loss = totalLoss(batch.y(), outputs, batch.sampleWeight(), outputLossTrackers, size);
            double total = loss.item();
            if (!Double.isFinite(total) && stopOnNaN) {
                lossTracker.add(total, size);
                return;
            }
            if (!Double.isFinite(total)) {
                throw new ArithmeticException("the loss became " + total + " at optimizer step "
                        + (compiled.optimizer().iterations() + 1) + "; lower the learning rate or check the data for extreme values");
            }
            try (RecycledBuffers.Scope gradientScope = recycleForward ? null : stepBuffers.open()) {
                Optimizer optimizer = compiled.optimizer();
                optimizer.apply(tape.gradientOrStep(loss, variables, optimizer.inPlaceScale()), variables);
            }
            lossTracker.add(total, size);
            updateMetrics(compiled.metrics(), batch.y(), outputs, batch.sampleWeight());
        }
    }

    /**
     * Whether every layer the model runs is one of nn's own (a Sequential or Functional model of
     * them, nested or not): their calls keep no tensor past the step, so the step's forward arrays
     * can be reused by the next step. A subclassed model or a user's layer might keep one, for
     * instance to look at it the next step, and would find it overwritten.
     */
    static boolean runsOnlyOwnLayers(Layer layer) {
        if (layer instanceof Model m) {
            if (m.getClass() != Sequential.class && m.getClass() != Functional.class) {
                return false;
            }
            for (Layer l : m.layers()) {
                if (!runsOnlyOwnLayers(l)) {
                    return false;
                }
            }
            return true;
        }
        return layer.getClass().getPackageName().equals(Layer.class.getPackageName());
    }

    private Tensor totalLoss(List<Tensor> ys, List<Tensor> outputs, Tensor sampleWeight,
                             List<MeanMetric> outputLossTrackers, int batch) {
        Tensor total = null;
        for (int i = 0; i < outputs.size(); i++) {
            Loss loss = compiled.losses().get(i);
            Tensor l = loss.call(ys.get(i), outputs.get(i), sampleWeight);
            if (!outputLossTrackers.isEmpty()) {
                outputLossTrackers.get(i).add(l.item(), batch);
            }
            double w = compiled.lossWeights()[i];
            Tensor weighted = w == 1.0 ? l : Ops.mul(l, (float) w);
            total = total == null ? weighted : Ops.add(total, weighted);
        }
        return total;
    }

    private static void updateMetrics(List<List<Metric>> perOutput, List<Tensor> ys, List<Tensor> outputs, Tensor sampleWeight) {
        float[] w = sampleWeight == null ? null : sampleWeight.buffer();
        for (int i = 0; i < outputs.size(); i++) {
            for (Metric m : perOutput.get(i)) {
                m.update(ys.get(i), outputs.get(i), w);
            }
        }
    }

    private List<MeanMetric> outputLossTrackers(String prefix) {
        List<MeanMetric> out = new ArrayList<>();
        if (compiled.outputNames().size() > 1) {
            for (String name : compiled.outputNames()) {
                out.add(Metrics.mean(prefix + name + "_loss"));
            }
        }
        return out;
    }

    private static Map<String, Double> logs(MeanMetric loss, List<MeanMetric> outputLosses, List<Metric> metrics) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", loss.result());
        for (MeanMetric m : outputLosses) {
            logs.put(m.name(), m.result());
        }
        for (Metric m : metrics) {
            logs.put(m.name(), m.result());
        }
        return logs;
    }

    // ---- evaluate --------------------------------------------------------------------------

    Map<String, Double> evaluate(List<Tensor> xs, List<Tensor> ys, FitOptions.Settings s) {
        checkData(xs, ys, "evaluate");
        model.buildFor(shapesOf(xs));
        checkTargets(ys, "evaluate");
        return run(Batches.ofArrays(xs, ys, null, s.batchSize, false, 0, false), withModel(s.callbacks));
    }

    Map<String, Double> evaluate(Dataset data, FitOptions.Settings s) {
        return run(Batches.ofDataset(data, "evaluate"), withModel(s.callbacks));
    }

    private List<Callback> withModel(List<Callback> given) {
        List<Callback> callbacks = new ArrayList<>(given);
        for (Callback c : callbacks) {
            c.setModel(model);
        }
        return callbacks;
    }

    private Map<String, Double> run(Batches batches, List<Callback> callbacks) {
        MeanMetric lossTracker = Metrics.mean("loss");
        List<MeanMetric> outputLossTrackers = outputLossTrackers("");
        List<Metric> metrics = new ArrayList<>();
        List<List<Metric>> perOutput = new ArrayList<>();
        for (List<Metric> ms : compiled.metrics()) {
            List<Metric> fresh = new ArrayList<>();
            for (Metric m : ms) {
                fresh.add(m.renamed(m.name())); // fresh state: evaluation must not disturb training metrics
            }
            perOutput.add(fresh);
            metrics.addAll(fresh);
        }
        each(callbacks, c -> c.onTestBegin(Map.of()));
        Iterator<Element> pass = batches.pass(0);
        for (int step = 0; pass.hasNext(); step++) {
            final int b = step;
            each(callbacks, c -> c.onTestBatchBegin(b, Map.of()));
            Element batch = pass.next();
            int size = batch.x().get(0).dim(0);
            List<Tensor> outputs = model.forward(batch.x(), false);
            Tensor loss = totalLoss(batch.y(), outputs, batch.sampleWeight(), outputLossTrackers, size);
            lossTracker.add(loss.item(), size);
            updateMetrics(perOutput, batch.y(), outputs, batch.sampleWeight());
            Map<String, Double> batchLogs = logs(lossTracker, outputLossTrackers, metrics);
            each(callbacks, c -> c.onTestBatchEnd(b, batchLogs));
        }
        Map<String, Double> result = logs(lossTracker, outputLossTrackers, metrics);
        each(callbacks, c -> c.onTestEnd(result));
        return result;
    }

    // ---- predict ---------------------------------------------------------------------------

    List<Tensor> predict(List<Tensor> xs, FitOptions.Settings s) {
        checkInputs(xs, "predict");
        model.buildFor(shapesOf(xs));
        return predict(Batches.ofArrays(xs, List.of(), null, s.batchSize, false, 0, false), withModel(s.callbacks));
    }

    List<Tensor> predict(Dataset data, FitOptions.Settings s) {
        return predict(Batches.ofDataset(data, "predict"), withModel(s.callbacks));
    }

    private List<Tensor> predict(Batches batches, List<Callback> callbacks) {
        each(callbacks, c -> c.onPredictBegin(Map.of()));
        List<List<Tensor>> parts = new ArrayList<>();
        Iterator<Element> pass = batches.pass(0);
        for (int step = 0; pass.hasNext(); step++) {
            final int b = step;
            each(callbacks, c -> c.onPredictBatchBegin(b, Map.of()));
            List<Tensor> out = model.forward(pass.next().x(), false);
            for (int i = 0; i < out.size(); i++) {
                if (parts.size() <= i) {
                    parts.add(new ArrayList<>());
                }
                parts.get(i).add(out.get(i));
            }
            each(callbacks, c -> c.onPredictBatchEnd(b, Map.of()));
        }
        List<Tensor> result = new ArrayList<>();
        for (List<Tensor> p : parts) {
            result.add(p.size() == 1 ? p.get(0) : Ops.concat(p, 0));
        }
        each(callbacks, c -> c.onPredictEnd(Map.of()));
        return result;
    }

    // ---- data checks and batching ----------------------------------------------------------

    private int checkData(List<Tensor> xs, List<Tensor> ys, String where) {
        int n = checkInputs(xs, where);
        if (ys == null || ys.size() != model.outputNames().size()) {
            throw new IllegalArgumentException(where + ": model '" + model.name() + "' has " + model.outputNames().size()
                    + " outputs " + model.outputNames() + " but " + (ys == null ? 0 : ys.size()) + " targets were given");
        }
        for (int i = 0; i < ys.size(); i++) {
            Tensor y = ys.get(i);
            if (y.rank() == 0 || y.dim(0) != n) {
                throw new IllegalArgumentException(where + ": x has " + n + " rows but the targets for output '"
                        + model.outputNames().get(i) + "' have shape " + Shapes.str(y.shape()));
            }
            checkFinite(y, where + " targets for output '" + model.outputNames().get(i) + "'");
        }
        return n;
    }

    private int checkInputs(List<Tensor> xs, String where) {
        if (xs.size() != model.inputNames().size()) {
            throw new IllegalArgumentException(where + ": model '" + model.name() + "' has " + model.inputNames().size()
                    + " inputs " + model.inputNames() + " but " + xs.size() + " were given");
        }
        int n = -1;
        for (int i = 0; i < xs.size(); i++) {
            Tensor x = xs.get(i);
            if (x.rank() == 0) {
                throw new IllegalArgumentException(where + ": input '" + model.inputNames().get(i) + "' needs a batch dimension, got a scalar");
            }
            if (n >= 0 && x.dim(0) != n) {
                throw new IllegalArgumentException(where + ": inputs have different numbers of rows (" + n + " and " + x.dim(0) + ")");
            }
            n = x.dim(0);
            checkFinite(x, where + " input '" + model.inputNames().get(i) + "'");
        }
        return n;
    }

    /** NaN or infinity in data is reported with its row before any training happens. */
    private static void checkFinite(Tensor t, String what) {
        checkFinite(t, what, 0);
    }

    /** As above, for rows that start at {@code firstRow} of a larger whole (a Dataset's batch). */
    static void checkFinite(Tensor t, String what, long firstRow) {
        float[] d = t.buffer();
        int i = Backends.current().firstNonFinite(d, 0, d.length);
        if (i >= 0) {
            int rowSize = Math.max(1, t.rowSize());
            throw new IllegalArgumentException(what + " has " + d[i] + " at row " + (firstRow + i / rowSize)
                    + " (column " + (i % rowSize) + "); clean or impute the data first");
        }
    }

    private void checkTargets(List<Tensor> ys, String where) {
        List<int[]> outs = model.outputShapes();
        for (int i = 0; i < ys.size(); i++) {
            int[] out = outs.get(i);
            int[] y = ys.get(i).shape();
            int outWidth = out.length < 2 ? 1 : out[out.length - 1];
            int yWidth = ys.get(i).rowSize();
            String loss = compiled.losses().get(i).name();
            boolean sparse = loss.startsWith("sparse");
            boolean ok = sparse ? yWidth == 1 : (yWidth == outWidth || yWidth == Shapes.tailSize(out));
            if (!ok) {
                throw new IllegalArgumentException(where + ": targets of shape " + Shapes.str(y) + " do not fit output '"
                        + model.outputNames().get(i) + "' of shape " + Shapes.str(out) + " with loss " + loss
                        + (sparse ? " (it takes one class index per row)" : ""));
            }
            if (sparse) {
                float[] labels = ys.get(i).buffer();
                for (int r = 0; r < labels.length; r++) {
                    if (!(labels[r] >= 0 && labels[r] < outWidth) || labels[r] != (int) labels[r]) {
                        throw new IllegalArgumentException(where + ": label " + labels[r] + " at row " + r + " is not a class index in [0, "
                                + outWidth + ") for output '" + model.outputNames().get(i) + "' of shape " + Shapes.str(out));
                    }
                }
            }
        }
    }

    private float[] combinedWeights(List<Tensor> ys, FitOptions.Settings s, int n) {
        if (s.sampleWeight == null && s.classWeight == null) {
            return null;
        }
        float[] w = new float[n];
        java.util.Arrays.fill(w, 1f);
        if (s.sampleWeight != null) {
            if (s.sampleWeight.size() != n) {
                throw new IllegalArgumentException("fit: " + s.sampleWeight.size() + " sample weights for " + n + " rows");
            }
            System.arraycopy(s.sampleWeight.buffer(), 0, w, 0, n);
        }
        if (s.classWeight != null) {
            Tensor y = ys.get(0);
            float[] t = y.buffer();
            int width = y.rowSize();
            for (int i = 0; i < n; i++) {
                int label = width == 1 ? Math.round(t[i]) : Metrics.argmax(t, i * width, width);
                Double cw = s.classWeight.get(label);
                if (cw == null) {
                    throw new IllegalArgumentException("fit: class weights have no entry for class " + label + " (row " + i + ")");
                }
                w[i] *= cw.floatValue();
            }
        }
        return w;
    }


    private static List<Tensor> rows(List<Tensor> ts, int from, int to) {
        List<Tensor> out = new ArrayList<>(ts.size());
        for (Tensor t : ts) {
            out.add(from == 0 && to == t.dim(0) ? t : t.rows(from, to));
        }
        return out;
    }

    private static List<int[]> shapesOf(List<Tensor> xs) {
        List<int[]> shapes = new ArrayList<>();
        for (Tensor x : xs) {
            shapes.add(x.shape());
        }
        return shapes;
    }

    private static void each(List<Callback> callbacks, java.util.function.Consumer<Callback> hook) {
        for (Callback c : callbacks) {
            hook.accept(c);
        }
    }
}
