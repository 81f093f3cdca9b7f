package dev.nn.api.callbacks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Keras's progress bar: "Epoch 3/30", then the step count, a bar, elapsed time, time per step
 * and the running metrics. On a terminal the line redraws itself after each batch; otherwise
 * (a file, a pipe, CI) it prints one line per epoch. Verbosity 2 always prints one line per epoch.
 */
public final class ProgressBar extends Callback {

    private static final int WIDTH = 20;
    private static final long REDRAW_NANOS = 50_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private int epochs;
    private int steps;
    private long epochStart;
    private long lastDraw;
    private int seen; // batches done this epoch, for data sets of unknown length

    /** Writes to standard output; redraws only when it is a terminal and verbosity is 1. */
    public ProgressBar(int verbose) {
        this(System.out, verbose == 1 && System.console() != null && System.console().isTerminal());
    }

    public ProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        epochs = (Integer) params().getOrDefault("epochs", 1);
        steps = (Integer) params().getOrDefault("steps", 0);
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        out.println("Epoch " + (epoch + 1) + "/" + epochs);
        epochStart = System.nanoTime();
        lastDraw = 0;
        seen = 0;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        seen = batch + 1;
        long now = System.nanoTime();
        if (interactive && (now - lastDraw > REDRAW_NANOS || batch + 1 == steps)) {
            lastDraw = now;
            out.print("\r" + line(batch + 1, now, logs) + "\u001b[K");
            out.flush();
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        String line = line(steps > 0 ? steps : seen, System.nanoTime(), logs);
        out.print(interactive ? "\r" + line + "\u001b[K\n" : line + "\n");
        out.flush();
    }

    private String line(int step, long now, Map<String, Double> logs) {
        double elapsed = (now - epochStart) / 1e9;
        StringBuilder sb = new StringBuilder();
        String total = steps > 0 ? String.valueOf(steps) : "Unknown";
        sb.append(" ".repeat(Math.max(0, total.length() - String.valueOf(step).length())))
          .append(step).append('/').append(total).append(' ');
        int filled = steps == 0 ? WIDTH : (int) ((long) WIDTH * step / steps);
        sb.append("━".repeat(filled)).append(filled < WIDTH ? "╺" + "─".repeat(WIDTH - filled - 1) : "").append(' ');
        sb.append(formatDuration(elapsed)).append(' ').append(perStep(elapsed / Math.max(step, 1)));
        logs.forEach((k, v) -> sb.append(" - ").append(k).append(": ").append(String.format(Locale.ROOT, "%.4f", v)));
        return sb.toString();
    }

    private static String formatDuration(double seconds) {
        if (seconds < 1) {
            return Math.round(seconds * 1000) + "ms";
        }
        return Math.round(seconds) + "s";
    }

    private static String perStep(double seconds) {
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.0fs/step", seconds);
        }
        if (seconds >= 1e-3) {
            return Math.round(seconds * 1e3) + "ms/step";
        }
        return Math.round(seconds * 1e6) + "us/step";
    }
}
