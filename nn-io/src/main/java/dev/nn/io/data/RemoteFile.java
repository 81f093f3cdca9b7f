package dev.nn.io.data;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One file of a data set: its name on disk, where to download it (mirrors tried in order) and
 * its published SHA-256.
 */
public record RemoteFile(String name, List<URI> urls, String sha256) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public RemoteFile {
        urls = List.copyOf(urls);
        if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("a file name without directories is needed, got '" + name + "'");
        }
        if (!HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
    }

    /** The file {@code name} under each base URL (each ending in '/'). */
    public static RemoteFile under(List<String> baseUrls, String name, String sha256) {
        return new RemoteFile(name, baseUrls.stream().map(b -> URI.create(b + name)).toList(), sha256);
    }
}
