package dev.nn.io.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a {@link RemoteFile} into a directory, all or nothing: the bytes go to a temporary
 * file beside the target, are hashed on the way, flushed to disk, and only moved into place
 * (atomically) when the SHA-256 matches. Any failure deletes the temporary file, so the directory
 * is left as it was. Progress is logged every 10%.
 */
public final class Downloader {

    private static final Logger log = LoggerFactory.getLogger(Downloader.class);

    private final Duration timeout;

    /** A downloader with a 30-second timeout. */
    public Downloader() {
        this(Duration.ofSeconds(30));
    }

    /** {@code timeout} bounds connecting and waiting for the response headers of each request. */
    public Downloader(Duration timeout) {
        this.timeout = timeout;
    }

    /** Downloads {@code file} to {@code dir/name}, trying its URLs in order; returns the path. */
    public Path download(RemoteFile file, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(file.name());
        List<String> failures = new ArrayList<>();
        IOException last = null;
        for (URI url : file.urls()) {
            try {
                fetch(url, file, target);
                return target;
            } catch (IOException e) {
                log.warn("Download of {} failed: {}", url, e.toString());
                failures.add(url + ": " + e.getMessage());
                last = e;
            }
        }
        throw new IOException("could not download " + file.name() + ": " + String.join("; ", failures), last);
    }

    private void fetch(URI url, RemoteFile file, Path target) throws IOException {
        Path part = Files.createTempFile(target.getParent(), "." + file.name() + ".", ".part");
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP status " + response.statusCode());
                }
                long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                log.info("Downloading {} from {}{}", file.name(), url, length >= 0 ? " (" + mb(length) + " MB)" : "");
                sha = copy(body, part, length, file.name());
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(file.sha256())) {
                throw new IOException("SHA-256 of the downloaded " + file.name() + " is " + actual + ", expected "
                        + file.sha256() + "; the download was discarded. The source may be corrupt or have changed:"
                        + " try again, or supply a verified copy");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("Saved {}", target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("download of " + url + " interrupted");
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Copies {@code in} to {@code part}, forced to disk, and returns the digest of the bytes. */
    private static MessageDigest copy(InputStream in, Path part, long length, String name) throws IOException {
        MessageDigest sha = sha256();
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buf = new byte[1 << 16];
            long done = 0;
            int reported = 0;
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                sha.update(buf, 0, n);
                done += n;
                if (length > 0 && done * 10 / length > reported) {
                    reported = (int) (done * 10 / length);
                    log.info("{}: {}% ({} of {} MB)", name, reported * 10, mb(done), mb(length));
                }
            }
            if (length >= 0 && done != length) {
                throw new IOException("received " + done + " of " + length + " bytes");
            }
            channel.force(true);
        }
        return sha;
    }

    private static String mb(long bytes) {
        return String.format("%.1f", bytes / 1e6);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
