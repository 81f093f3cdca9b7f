package dev.nn.io.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Learning curves from a training history, as Keras' {@code History.history} holds it: every
 * metric against the epoch, the training series solid and its {@code val_} twin dashed in the
 * same colour.
 */
public final class LearningCurves {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    private static final String VALIDATION_PREFIX = "val_";
    // Beyond this many epochs markers would blur into the line.
    private static final int MAX_EPOCHS_WITH_MARKERS = 40;

    private LearningCurves() {}

    /**
     * Writes the chart as PNG.
     *
     * @param history metric name to one value per epoch, e.g. {@code loss}, {@code val_loss},
     *     {@code accuracy}; iteration order sets the colours
     */
    public static void plot(Map<String, List<Double>> history, Path png) throws IOException {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("history is empty; train for at least one epoch before plotting");
        }
        Map<String, Integer> colourOfMetric = new LinkedHashMap<>();
        for (String name : history.keySet()) {
            colourOfMetric.putIfAbsent(baseName(name), colourOfMetric.size());
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int longest = 0;
        for (Map.Entry<String, List<Double>> metric : history.entrySet()) {
            String name = metric.getKey();
            XYSeries series = new XYSeries(name, false, true);
            List<Double> values = metric.getValue();
            for (int epoch = 0; epoch < values.size(); epoch++) {
                series.add(epoch + 1, values.get(epoch));
            }
            longest = Math.max(longest, values.size());
            int index = dataset.getSeriesCount();
            dataset.addSeries(series);
            renderer.setSeriesPaint(index, Palette.color(colourOfMetric.get(baseName(name))));
            renderer.setSeriesStroke(index, name.startsWith(VALIDATION_PREFIX) ? ChartStyle.DASHED : ChartStyle.SOLID);
        }
        renderer.setDefaultShapesVisible(longest <= MAX_EPOCHS_WITH_MARKERS);

        JFreeChart chart = ChartFactory.createXYLineChart(
                "Learning curves", "Epoch", String.join(" / ", colourOfMetric.keySet()), dataset);
        chart.getXYPlot().setRenderer(renderer);
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        ChartFiles.write(png, WIDTH, HEIGHT, List.of(ChartStyle.apply(chart)));
    }

    private static String baseName(String metric) {
        return metric.startsWith(VALIDATION_PREFIX) ? metric.substring(VALIDATION_PREFIX.length()) : metric;
    }
}
