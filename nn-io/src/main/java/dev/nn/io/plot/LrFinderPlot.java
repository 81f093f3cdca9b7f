package dev.nn.io.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loss against learning rate from a learning-rate sweep, rate on a log axis, with a line at the
 * lowest loss. The good rate is typically about ten times below where the loss starts climbing.
 */
public final class LrFinderPlot {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private LrFinderPlot() {}

    public static void plot(double[] rates, double[] losses, Path png) throws IOException {
        if (rates.length != losses.length || rates.length < 2) {
            throw new IllegalArgumentException("need as many losses as rates, at least 2, got "
                    + rates.length + " rates and " + losses.length + " losses");
        }
        XYSeries series = new XYSeries("loss", false, true);
        double minLoss = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rates.length; i++) {
            if (!(rates[i] > 0)) {
                throw new IllegalArgumentException("rate " + i + " is " + rates[i] + "; a log axis needs rates > 0");
            }
            series.add(rates[i], losses[i]);
            if (Double.isFinite(losses[i])) {
                minLoss = Math.min(minLoss, losses[i]);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Learning-rate sweep", null, "Loss", new XYSeriesCollection(series));
        XYPlot plot = chart.getXYPlot();
        LogAxis rateAxis = new LogAxis("Learning rate (log scale)");
        // one tick per decade, labelled 10^k with a whole k
        rateAxis.setTickUnit(new NumberTickUnit(1, new DecimalFormat("0")), false, false);
        rateAxis.setAutoTickUnitSelection(false, false);
        plot.setDomainAxis(rateAxis);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Palette.color(0));
        renderer.setSeriesStroke(0, ChartStyle.SOLID);
        plot.setRenderer(renderer);
        if (Double.isFinite(minLoss)) {
            ValueMarker lowest = new ValueMarker(minLoss, Color.DARK_GRAY, new BasicStroke(1f));
            plot.addRangeMarker(lowest);
            // Once training diverges the loss explodes; keep the interesting part on screen.
            double top = Double.isFinite(losses[0]) && losses[0] > minLoss ? losses[0] : minLoss + 1;
            plot.getRangeAxis().setRange(Math.min(0, minLoss), top + 0.05 * (top - Math.min(0, minLoss)));
        }
        chart.removeLegend();
        ChartFiles.write(png, WIDTH, HEIGHT, List.of(ChartStyle.apply(chart)));
    }
}
