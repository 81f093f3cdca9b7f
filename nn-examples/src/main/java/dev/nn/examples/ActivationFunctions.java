package dev.nn.examples;

import dev.nn.api.GradientTape;
import dev.nn.api.Tensor;
import dev.nn.api.activations.ActivationFunction;
import dev.nn.api.activations.Activations;
import dev.nn.io.plot.ActivationPlot;
import dev.nn.io.plot.NamedFunction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The book's figure of activation functions and their derivatives. The derivatives come from
 * nn's autodiff (a GradientTape), not from formulas, so the picture also checks the backward rules.
 */
final class ActivationFunctions implements Example {

    @Override
    public String name() {
        return "activations";
    }

    @Override
    public String description() {
        return "activation functions (step, ReLU, sigmoid, tanh) and their derivatives by autodiff, plotted";
    }

    @Override
    public void run(ExampleContext ctx) throws Exception {
        List<ActivationFunction> fns = List.of(Activations.heaviside(), Activations.relu(), Activations.sigmoid(),
                Activations.tanh());
        List<NamedFunction> values = new ArrayList<>();
        List<NamedFunction> derivatives = new ArrayList<>();
        for (ActivationFunction f : fns) {
            values.add(new NamedFunction(f.name(), x -> f.apply(Tensor.scalar((float) x)).item()));
            derivatives.add(new NamedFunction(f.name(), x -> derivative(f, (float) x)));
        }
        ctx.out().println("   z   " + String.join("", fns.stream().map(f -> String.format(Locale.ROOT, "%22s", f.name())).toList()));
        for (float z : new float[] {-2, -0.5f, 0.5f, 2}) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%5.1f  ", z));
            for (ActivationFunction f : fns) {
                row.append(String.format(Locale.ROOT, "   f=%7.4f f'=%7.4f", f.apply(Tensor.scalar(z)).item(), derivative(f, z)));
            }
            ctx.out().println(row);
        }
        Path png = ctx.file("activation_functions.png");
        ActivationPlot.plot(values, derivatives, -5, 5, png);
        ctx.out().println("Wrote " + png.toAbsolutePath());
    }

    private static float derivative(ActivationFunction f, float x) {
        Tensor t = Tensor.scalar(x);
        try (GradientTape tape = GradientTape.record()) {
            tape.watch(t);
            Tensor y = f.apply(t);
            return tape.gradientOf(y, List.of(t)).get(0).item();
        }
    }
}
