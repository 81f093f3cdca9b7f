package dev.nn.io.plot;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivationPlotTest {
    @Test
    void plotsTheFourClassicActivationsAndTheirDerivatives() throws Exception {
        List<NamedFunction> functions = List.of(
                new NamedFunction("Heaviside", z -> z >= 0 ? 1 : 0),
                new NamedFunction("ReLU", z -> Math.max(0, z)),
                new NamedFunction("Sigmoid", z -> 1 / (1 + Math.exp(-z))),
                new NamedFunction("Tanh", Math::tanh));
        List<NamedFunction> derivatives = List.of(
                new NamedFunction("Heaviside", z -> 0),
                new NamedFunction("ReLU", z -> z > 0 ? 1 : 0),
                new NamedFunction("Sigmoid", z -> {
                    double s = 1 / (1 + Math.exp(-z));
                    return s * (1 - s);
                }),
                new NamedFunction("Tanh", z -> 1 - Math.tanh(z) * Math.tanh(z)));

        Path png = PngFiles.output("activations.png");
        ActivationPlot.plot(functions, derivatives, -5, 5, png);
        PngFiles.assertPng(png, 2 * ActivationPlot.PANEL_WIDTH, ActivationPlot.HEIGHT);
    }
}
