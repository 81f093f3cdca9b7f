package dev.nn.io.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two-panel figure of activation functions (left) and their derivatives (right). The i-th
 * derivative shares the i-th function's colour, so pass both lists in the same order.
 */
public final class ActivationPlot {
    static final int PANEL_WIDTH = 600;
    static final int HEIGHT = 460;
    // Enough samples that a step's jump draws as a vertical edge.
    private static final int SAMPLES = 1001;

    private ActivationPlot() {}

    public static void plot(List<NamedFunction> functions, List<NamedFunction> derivatives,
            double xMin, double xMax, Path png) throws IOException {
        if (functions.isEmpty() || !(xMin < xMax)) {
            throw new IllegalArgumentException("need at least one function and xMin < xMax, got "
                    + functions.size() + " functions on [" + xMin + ", " + xMax + "]");
        }
        ChartFiles.write(png, PANEL_WIDTH, HEIGHT, List.of(
                panel("Activation functions", "f(z)", functions, xMin, xMax),
                panel("Derivatives", "f'(z)", derivatives, xMin, xMax)));
    }

    private static JFreeChart panel(String title, String yLabel, List<NamedFunction> curves, double xMin, double xMax) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < curves.size(); i++) {
            NamedFunction curve = curves.get(i);
            XYSeries series = new XYSeries(curve.name(), false, true);
            for (int s = 0; s < SAMPLES; s++) {
                double z = xMin + (xMax - xMin) * s / (SAMPLES - 1);
                series.add(z, curve.function().applyAsDouble(z));
            }
            dataset.addSeries(series);
            renderer.setSeriesPaint(i, Palette.color(i));
            renderer.setSeriesStroke(i, ChartStyle.SOLID);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "z", yLabel, dataset);
        chart.getXYPlot().setRenderer(renderer);
        // Without a margin below zero, curves lying on y = 0 hide under the axis line.
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeStickyZero(false);
        return ChartStyle.apply(chart);
    }
}
