package dev.nn.io.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LrFinderPlotTest {
    @Test
    void plotsLossAgainstALogRateAxis() throws Exception {
        int n = 200;
        double[] rates = new double[n];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = 1e-5 * Math.pow(1e6, i / (n - 1.0));
            double logRate = Math.log10(rates[i]);
            // falls until about 1e-2, then blows up as training diverges
            losses[i] = 2.3 - 1.6 / (1 + Math.exp(-(logRate + 3.5) * 3)) + Math.exp(3 * (logRate + 1.5));
        }
        Path png = PngFiles.output("lr_finder.png");
        LrFinderPlot.plot(rates, losses, png);
        PngFiles.assertPng(png, LrFinderPlot.WIDTH, LrFinderPlot.HEIGHT);
    }

    @Test
    void rejectsRatesALogAxisCannotShow() {
        assertThrows(IllegalArgumentException.class,
                () -> LrFinderPlot.plot(new double[] {0, 1}, new double[] {1, 1}, PngFiles.output("bad.png")));
        assertThrows(IllegalArgumentException.class,
                () -> LrFinderPlot.plot(new double[] {1, 2}, new double[] {1}, PngFiles.output("bad.png")));
    }
}
