package dev.nn.io.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The regions a 2-D classifier assigns to each class, shaded pale, with the labelled points drawn
 * on top in the full colour of their class.
 */
public final class DecisionBoundaryPlot {
    static final int WIDTH = 760;
    static final int HEIGHT = 640;
    private static final int GRID = 250;
    private static final double MARGIN = 0.1;

    /** The model under study: the class index it predicts at a point. */
    @FunctionalInterface
    public interface Classifier {
        int classify(double x1, double x2);
    }

    private DecisionBoundaryPlot() {}

    /**
     * @param points one {@code {x1, x2}} pair per example
     * @param labels the true class of each example, from 0
     */
    public static void plot(Classifier classifier, double[][] points, int[] labels, Path png) throws IOException {
        if (points.length == 0 || points.length != labels.length) {
            throw new IllegalArgumentException("need one label per point and at least one point, got "
                    + points.length + " points and " + labels.length + " labels");
        }
        double[] bounds = paddedBounds(points);
        double[][] regions = classifyGrid(classifier, bounds);
        int classes = 1 + Math.max(Arrays.stream(labels).max().orElseThrow(), (int) Arrays.stream(regions[2]).max().orElseThrow());

        LookupPaintScale shades = new LookupPaintScale(0, classes, Palette.pale(0));
        for (int k = 0; k < classes; k++) {
            shades.add(k, Palette.pale(k));
        }
        XYBlockRenderer regionRenderer = new XYBlockRenderer();
        regionRenderer.setPaintScale(shades);
        regionRenderer.setBlockWidth((bounds[1] - bounds[0]) / (GRID - 1));
        regionRenderer.setBlockHeight((bounds[3] - bounds[2]) / (GRID - 1));
        regionRenderer.setDefaultSeriesVisibleInLegend(false);
        DefaultXYZDataset regionData = new DefaultXYZDataset();
        regionData.addSeries("regions", regions);

        XYSeriesCollection pointData = new XYSeriesCollection();
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k < classes; k++) {
            pointData.addSeries(new XYSeries("class " + k, false, true));
            pointRenderer.setSeriesPaint(k, Palette.color(k));
        }
        for (int i = 0; i < points.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + "; classes are numbered from 0");
            }
            pointData.getSeries(labels[i]).add(points[i][0], points[i][1]);
        }

        JFreeChart chart = ChartFactory.createScatterPlot("Decision boundary", "x1", "x2", pointData);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(0, pointRenderer);
        plot.setDataset(1, regionData);
        plot.setRenderer(1, regionRenderer);
        // Regions first, points over them.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.getDomainAxis().setRange(bounds[0], bounds[1]);
        plot.getRangeAxis().setRange(bounds[2], bounds[3]);
        ChartFiles.write(png, WIDTH, HEIGHT, List.of(ChartStyle.apply(chart)));
    }

    /** {x1 min, x1 max, x2 min, x2 max} of the points, widened so no point sits on the frame. */
    private static double[] paddedBounds(double[][] points) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : points) {
            b[0] = Math.min(b[0], p[0]);
            b[1] = Math.max(b[1], p[0]);
            b[2] = Math.min(b[2], p[1]);
            b[3] = Math.max(b[3], p[1]);
        }
        for (int axis = 0; axis < 4; axis += 2) {
            double pad = Math.max(b[axis + 1] - b[axis], 1e-9) * MARGIN + (b[axis + 1] == b[axis] ? 1 : 0);
            b[axis] -= pad;
            b[axis + 1] += pad;
        }
        return b;
    }

    /** The classifier's answer on a GRID x GRID lattice, as XYZ rows {x1s, x2s, classes}. */
    private static double[][] classifyGrid(Classifier classifier, double[] bounds) {
        double[][] xyz = new double[3][GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            double x1 = bounds[0] + (bounds[1] - bounds[0]) * i / (GRID - 1);
            for (int j = 0; j < GRID; j++) {
                double x2 = bounds[2] + (bounds[3] - bounds[2]) * j / (GRID - 1);
                int cell = i * GRID + j;
                int predicted = classifier.classify(x1, x2);
                if (predicted < 0) {
                    throw new IllegalArgumentException("classifier returned class " + predicted + " at ("
                            + x1 + ", " + x2 + "); classes are numbered from 0");
                }
                xyz[0][cell] = x1;
                xyz[1][cell] = x2;
                xyz[2][cell] = predicted;
            }
        }
        return xyz;
    }
}
