package dev.nn.io.tensorboard;

import dev.nn.io.tensorboard.proto.Event;
import dev.nn.io.tensorboard.proto.SourceMetadata;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends {@link Event}s to one {@code events.out.tfevents.<seconds>.<host>} file in TFRecord
 * framing. Any thread may add events; a background thread flushes them to the file on a timer
 * so that a running TensorBoard sees them without every add paying for a write to disk.
 */
public final class EventFileWriter implements Closeable, Flushable {
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(2);
    static final String FILE_VERSION = "brain.Event:2";
    static final String FILE_PREFIX = "events.out.tfevents.";

    private static final Logger log = LoggerFactory.getLogger(EventFileWriter.class);

    private final Path file;
    private final FileChannel channel;
    private final ScheduledExecutorService flusher;
    private final Object lock = new Object();
    // guarded by lock
    private final OutputStream out;
    private boolean closed;
    // the first failed write or flush: after it the buffer may hold bytes already partly written,
    // and writing them again would corrupt the file, so nothing more is written
    private IOException failure;

    private EventFileWriter(Path file, FileChannel channel, Duration flushInterval) {
        this.file = file;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
        this.flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("tensorboard-flusher-" + file.getFileName())
                .daemon(true)
                .factory());
        long millis = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::backgroundFlush, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Creates the directory if needed and a new event file in it, flushed every 2 s. */
    public static EventFileWriter open(Path logDir) throws IOException {
        return open(logDir, DEFAULT_FLUSH_INTERVAL, InstantSource.system());
    }

    /** Creates the directory if needed and a new event file in it, flushed every {@code flushInterval}. */
    public static EventFileWriter open(Path logDir, Duration flushInterval, InstantSource clock) throws IOException {
        Objects.requireNonNull(logDir, "logDir");
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("flush interval must be positive, got " + flushInterval);
        }
        Files.createDirectories(logDir);
        String baseName = FILE_PREFIX + clock.instant().getEpochSecond() + "." + hostName();
        Path file = logDir.resolve(baseName);
        FileChannel channel = null;
        // Two writers started in the same second in one directory must not share a file.
        for (int suffix = 1; channel == null; suffix++) {
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                file = logDir.resolve(baseName + "." + suffix);
            }
        }
        EventFileWriter writer = new EventFileWriter(file, channel, flushInterval);
        try {
            writer.add(Event.newBuilder()
                    .setWallTime(WallTime.seconds(clock))
                    .setFileVersion(FILE_VERSION)
                    .setSourceMetadata(SourceMetadata.newBuilder().setWriter("dev.nn.io.tensorboard"))
                    .build());
            writer.flush();
        } catch (IOException e) {
            try {
                writer.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        log.debug("writing TensorBoard events to {}", file);
        return writer;
    }

    public Path file() {
        return file;
    }

    /** Appends one event; it reaches the file at the next flush. */
    public void add(Event event) throws IOException {
        byte[] record = TfRecord.frame(event.toByteArray());
        synchronized (lock) {
            ensureUsable();
            try {
                out.write(record);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            ensureUsable();
            try {
                out.flush();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** Flushes, forces the file to disk and closes it; later calls do nothing. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // No interrupt: an interrupted FileChannel write closes the channel under a flush.
        flusher.shutdown();
        synchronized (lock) {
            if (failure != null) {
                channel.close();
                throw new IOException("an earlier write to " + file + " failed; events after it were not written", failure);
            }
            // only the channel is closed: closing the stream would flush its buffer a second time if this flush fails
            try (channel) {
                out.flush();
                channel.force(true);
            }
        }
    }

    private void backgroundFlush() {
        synchronized (lock) {
            if (closed || failure != null) {
                return;
            }
            try {
                out.flush();
            } catch (IOException e) {
                // Kept for the training thread, which gets it at its next add, flush or close.
                failure = e;
                log.warn("background flush of {} failed", file, e);
            }
        }
    }

    private void ensureUsable() throws IOException {
        if (closed) {
            throw new IllegalStateException("event file " + file + " is closed");
        }
        if (failure != null) {
            throw new IOException("an earlier write to " + file + " failed", failure);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
