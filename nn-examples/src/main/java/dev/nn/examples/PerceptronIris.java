package dev.nn.examples;

import dev.nn.api.Tensor;
import dev.nn.api.linear.Perceptron;
import dev.nn.io.data.Iris;
import dev.nn.io.data.Split;
import dev.nn.io.plot.DecisionBoundaryPlot;
import java.nio.file.Path;
import java.util.Locale;

/** The book's perceptron: is an iris a setosa, from its petal length and width? */
final class PerceptronIris implements Example {

    @Override
    public String name() {
        return "perceptron";
    }

    @Override
    public String description() {
        return "a Perceptron on Iris petals (setosa or not), its predictions and decision boundary";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        Split iris = Iris.load();
        int n = iris.size();
        float[] all = iris.x().buffer();
        float[] labels = iris.y().buffer();
        float[] petals = new float[n * 2];
        float[] setosa = new float[n];
        double[][] points = new double[n][];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            petals[i * 2] = all[i * 4 + 2];
            petals[i * 2 + 1] = all[i * 4 + 3];
            setosa[i] = labels[i] == 0 ? 1 : 0;
            points[i] = new double[] {petals[i * 2], petals[i * 2 + 1]};
            classes[i] = (int) setosa[i];
        }
        Perceptron perceptron = Perceptron.builder().randomState(42).build()
                .fit(Tensor.wrap(petals, n, 2), Tensor.wrap(setosa, n));
        Tensor queries = Tensor.of(new float[][] {{2, 0.5f}, {3, 1}});
        float[] answers = perceptron.predict(queries).toArray();
        for (int i = 0; i < answers.length; i++) {
            ctx.out().printf(Locale.ROOT, "petal length %.1f, width %.1f -> %s%n", queries.get(i, 0), queries.get(i, 1),
                    answers[i] == 1 ? "setosa (1)" : "not setosa (0)");
        }
        ctx.out().println("weights " + perceptron.coefficients() + ", bias " + perceptron.intercepts()
                + ", epochs " + perceptron.epochsRun());
        Path png = ctx.file("perceptron_decision_boundary.png");
        DecisionBoundaryPlot.plot((a, b) -> (int) perceptron.predict(Tensor.of(new float[][] {{(float) a, (float) b}})).item(),
                points, classes, png);
        ctx.out().println("Wrote " + png.toAbsolutePath());
    }
}
