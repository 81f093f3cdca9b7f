package dev.nn.api.models;

import dev.nn.api.losses.Loss;
import dev.nn.api.metrics.Metric;
import dev.nn.api.metrics.Metrics;
import dev.nn.api.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What {@code compile} settled: a loss, its weight and metrics per output, and the optimizer. */
record Compiled(List<Loss> losses, double[] lossWeights, Optimizer optimizer, List<List<Metric>> metrics,
                List<String> outputNames) {

    static Compiled from(CompileOptions.Settings s, List<String> outputNames, List<Integer> outputWidths) {
        int outputs = outputNames.size();
        if (s.optimizer == null) {
            throw new IllegalArgumentException("compile needs an optimizer, e.g. optimizer(new SGD(0.01)) or optimizer(\"adam\")");
        }
        List<Loss> losses = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            Loss l = s.loss;
            if (s.lossList != null) {
                if (s.lossList.size() != outputs) {
                    throw new IllegalArgumentException("compile: " + s.lossList.size() + " losses for " + outputs + " outputs " + outputNames);
                }
                l = s.lossList.get(i);
            } else if (s.lossByOutput != null) {
                l = s.lossByOutput.get(outputNames.get(i));
                if (l == null) {
                    throw new IllegalArgumentException("compile: no loss for output '" + outputNames.get(i) + "'; losses were given for "
                            + s.lossByOutput.keySet());
                }
            }
            if (l == null) {
                throw new IllegalArgumentException("compile needs a loss, e.g. loss(\"mse\")");
            }
            losses.add(l);
        }
        double[] weights = s.lossWeights != null ? s.lossWeights.clone() : ones(outputs);
        if (s.lossWeightsByOutput != null) {
            requireKnown(s.lossWeightsByOutput.keySet(), outputNames, "loss weights");
            for (int i = 0; i < outputs; i++) {
                weights[i] = s.lossWeightsByOutput.getOrDefault(outputNames.get(i), 1.0);
            }
        }
        if (s.metricNamesByOutput != null) {
            requireKnown(s.metricNamesByOutput.keySet(), outputNames, "metrics");
        }
        if (weights.length != outputs) {
            throw new IllegalArgumentException("compile: " + weights.length + " loss weights for " + outputs + " outputs " + outputNames);
        }
        List<List<Metric>> metrics = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            String prefix = outputs == 1 ? "" : outputNames.get(i) + "_";
            List<Metric> ms = new ArrayList<>();
            for (String name : s.metricNames) {
                ms.add(Metrics.get(name, losses.get(i).name(), outputWidths.get(i)).renamed(prefix + name));
            }
            if (s.metricNamesByOutput != null) {
                for (String name : s.metricNamesByOutput.getOrDefault(outputNames.get(i), List.of())) {
                    ms.add(Metrics.get(name, losses.get(i).name(), outputWidths.get(i)).renamed(prefix + name));
                }
            }
            for (Metric m : s.metricObjects) {
                ms.add(m.renamed(prefix + m.name()));
            }
            metrics.add(ms);
        }
        return new Compiled(List.copyOf(losses), weights, s.optimizer, metrics, List.copyOf(outputNames));
    }

    private static void requireKnown(Set<String> given, List<String> outputNames, String what) {
        for (String name : given) {
            if (!outputNames.contains(name)) {
                throw new IllegalArgumentException("compile: " + what + " were given for output '" + name
                        + "', but the model's outputs are " + outputNames);
            }
        }
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    List<Metric> allMetrics() {
        List<Metric> all = new ArrayList<>();
        metrics.forEach(all::addAll);
        return all;
    }
}
