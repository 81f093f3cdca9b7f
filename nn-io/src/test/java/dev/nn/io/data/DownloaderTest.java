package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {

    private static final byte[] BODY = "the real data set, ".repeat(10_000).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cache;

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/good", ex -> {
            ex.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.createContext("/half", ex -> {
            // promises the whole body, sends half, then drops the connection
            ex.sendResponseHeaders(200, BODY.length);
            OutputStream out = ex.getResponseBody();
            out.write(BODY, 0, BODY.length / 2);
            out.flush();
            ex.close();
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void downloadsAndVerifies() throws Exception {
        Path got = new Downloader().download(new RemoteFile("data.bin", List.of(url("/good")), sha256(BODY)), cache);
        assertEquals(cache.resolve("data.bin"), got);
        assertArrayEquals(BODY, Files.readAllBytes(got));
        assertEquals(List.of(got), listing(cache), "no temporary file left");
    }

    @Test
    void checksumMismatchLeavesTheCacheAsItWas() throws Exception {
        Files.writeString(cache.resolve("other.bin"), "already cached");
        Files.writeString(cache.resolve("data.bin"), "an older copy");
        List<Path> before = listing(cache);
        RemoteFile wrong = new RemoteFile("data.bin", List.of(url("/good")), "0".repeat(64));
        IOException e = assertThrows(IOException.class, () -> new Downloader().download(wrong, cache));
        assertTrue(e.getMessage().contains("SHA-256 of the downloaded data.bin is " + sha256(BODY)), e.getMessage());
        assertEquals(before, listing(cache));
        assertEquals("an older copy", Files.readString(cache.resolve("data.bin")));
    }

    @Test
    void failureHalfWayLeavesNoFile() throws Exception {
        RemoteFile half = new RemoteFile("data.bin", List.of(url("/half")), sha256(BODY));
        IOException e = assertThrows(IOException.class, () -> new Downloader(Duration.ofSeconds(5)).download(half, cache));
        assertTrue(e.getMessage().startsWith("could not download data.bin: " + url("/half")), e.getMessage());
        assertEquals(List.of(), listing(cache));
    }

    @Test
    void mirrorsAreTriedInOrder() throws Exception {
        RemoteFile f = new RemoteFile("data.bin", List.of(url("/missing"), url("/good")), sha256(BODY));
        assertArrayEquals(BODY, Files.readAllBytes(new Downloader().download(f, cache)));

        RemoteFile none = new RemoteFile("data.bin", List.of(url("/missing")), sha256(BODY));
        IOException e = assertThrows(IOException.class, () -> new Downloader().download(none, cache.resolve("x")));
        assertTrue(e.getMessage().contains("/missing: HTTP status 404"), e.getMessage());
    }

    @Test
    void locatorDownloadsIntoTheCacheOnlyWhenNothingIsFound(@TempDir Path system) throws Exception {
        DatasetSource src = new DatasetSource("Test set", "test-set",
                List.of(new RemoteFile("data.bin", List.of(url("/good")), sha256(BODY))), List.of(system));
        DataLocator locator = DataLocator.defaults().withCacheHome(cache);

        Files.write(system.resolve("data.bin"), new byte[] {1});
        assertEquals(List.of(system.resolve("data.bin")), locator.locate(src), "a system copy comes before a download");
        Files.delete(system.resolve("data.bin"));

        Path downloaded = cache.resolve("test-set").resolve("data.bin");
        assertEquals(List.of(downloaded), locator.locate(src));
        assertArrayEquals(BODY, Files.readAllBytes(downloaded));

        Files.write(system.resolve("data.bin"), new byte[] {1});
        assertEquals(List.of(downloaded), locator.locate(src), "the cache comes before system copies");
    }

    @Test
    void locatorReportsEveryPlaceTriedInOneError(@TempDir Path system) throws Exception {
        RemoteFile f = new RemoteFile("a.gz", List.of(url("/missing")), "1".repeat(64));
        DatasetSource src = new DatasetSource("Test set", "test-set", List.of(f), List.of(system));
        DataLocator locator = DataLocator.defaults().withCacheHome(cache);

        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> locator.locate(src));
        String m = e.getMessage();
        assertTrue(m.contains(cache.resolve("test-set") + ": no such directory"), m);
        assertTrue(m.contains(system + ": missing a.gz"), m);
        assertTrue(m.contains("download from the official source: failed: could not download a.gz"), m);
        assertTrue(m.contains("into " + cache.resolve("test-set")) && m.contains("load(Path)"), m);
        assertTrue(listing(cache.resolve("test-set")).isEmpty(), "nothing left behind");

        m = assertThrows(DataNotFoundException.class, () -> locator.offline().locate(src)).getMessage();
        assertTrue(m.contains("not tried: offline"), m);

        Path given = cache.resolve("given");
        m = assertThrows(DataNotFoundException.class, () -> locator.withPath(given).locate(src)).getMessage();
        assertTrue(m.contains(given + ": no such directory") && m.contains("not tried: a path was given"), m);

        // a decompressed copy counts
        Files.createDirectories(given);
        Files.write(given.resolve("a"), new byte[] {1});
        assertEquals(List.of(given.resolve("a")), locator.withPath(given).locate(src));
    }
}
