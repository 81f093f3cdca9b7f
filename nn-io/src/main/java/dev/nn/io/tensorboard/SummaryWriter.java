package dev.nn.io.tensorboard;

import dev.nn.io.tensorboard.proto.Event;
import dev.nn.io.tensorboard.proto.Summary;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Writes TensorBoard summaries of one run, in the spirit of {@code tf.summary}: open one per log
 * directory, log values against a step, close at the end. Safe to use from several threads.
 * I/O failures surface as {@link UncheckedIOException} so that logging fits in callbacks.
 */
public final class SummaryWriter implements Closeable, Flushable {
    private final EventFileWriter events;
    private final InstantSource clock;

    private SummaryWriter(EventFileWriter events, InstantSource clock) {
        this.events = events;
        this.clock = clock;
    }

    /** A writer to a new event file in {@code logDir} (created if missing), flushed every 2 s. */
    public static SummaryWriter create(Path logDir) {
        return create(logDir, EventFileWriter.DEFAULT_FLUSH_INTERVAL);
    }

    public static SummaryWriter create(Path logDir, Duration flushInterval) {
        InstantSource clock = InstantSource.system();
        try {
            return new SummaryWriter(EventFileWriter.open(logDir, flushInterval, clock), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a TensorBoard event file in " + logDir, e);
        }
    }

    /** The event file being written. */
    public Path file() {
        return events.file();
    }

    public void scalar(String tag, double value, long step) {
        write(SummaryValues.scalar(tag, value), step);
    }

    /** @throws IllegalArgumentException if a value is NaN */
    public void histogram(String tag, float[] values, long step) {
        write(SummaryValues.histogram(tag, values), step);
    }

    public void image(String tag, BufferedImage image, long step) {
        write(SummaryValues.image(tag, image), step);
    }

    /** An encoded PNG (or another format ImageIO reads). */
    public void image(String tag, byte[] png, long step) {
        write(SummaryValues.image(tag, png), step);
    }

    /** Text shown by TensorBoard's text dashboard, which renders Markdown. */
    public void text(String tag, String text, long step) {
        write(SummaryValues.text(tag, text), step);
    }

    /** The model's op graph, for TensorBoard's graph dashboard. */
    public void graph(dev.nn.api.models.Model model) {
        try {
            events.add(Event.newBuilder().setWallTime(System.currentTimeMillis() / 1000.0)
                    .setGraphDef(GraphDefs.of(model).toByteString()).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the graph to " + events.file(), e);
        }
    }

    @Override
    public void flush() {
        try {
            events.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot flush " + events.file(), e);
        }
    }

    /** Flushes and closes the event file; later calls do nothing. */
    @Override
    public void close() {
        try {
            events.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + events.file(), e);
        }
    }

    private void write(Summary.Value value, long step) {
        Event event = Event.newBuilder()
                .setWallTime(WallTime.seconds(clock))
                .setStep(step)
                .setSummary(Summary.newBuilder().addValue(value))
                .build();
        try {
            events.add(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + events.file(), e);
        }
    }
}
