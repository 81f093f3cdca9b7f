package dev.nn.io.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finds the files of a data set, looking in this order:
 * <ol>
 * <li>a directory the caller gives ({@link #withPath}); when given, it is the only place looked
 *     in, since a wrong path should fail rather than silently fetch something else;</li>
 * <li>the cache, {@code $NN_DATA_HOME/<data set>}, by default {@code ~/.nn/datasets/<data set>};</li>
 * <li>copies an operating-system package installed (Debian's {@code dataset-fashion-mnist});</li>
 * <li>the official URLs, downloaded into the cache with checksums checked ({@link Downloader}).</li>
 * </ol>
 * A file may also be present decompressed, without its {@code .gz} suffix. When nothing is found
 * one {@link DataNotFoundException} lists every place tried and how to supply the files.
 * Immutable: the {@code with...} methods return new locators.
 */
public final class DataLocator {

    private final Path path;
    private final Path cacheHome;
    private final Downloader downloader;

    private DataLocator(Path path, Path cacheHome, Downloader downloader) {
        this.path = path;
        this.cacheHome = cacheHome;
        this.downloader = downloader;
    }

    /** The cache from {@code NN_DATA_HOME} (default {@code ~/.nn/datasets}), downloads allowed. */
    public static DataLocator defaults() {
        String home = System.getenv("NN_DATA_HOME");
        Path cache = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".nn", "datasets");
        return new DataLocator(null, cache, new Downloader());
    }

    /** Look only in {@code dir}. */
    public DataLocator withPath(Path dir) {
        return new DataLocator(Objects.requireNonNull(dir), cacheHome, downloader);
    }

    public DataLocator withCacheHome(Path dir) {
        return new DataLocator(path, Objects.requireNonNull(dir), downloader);
    }

    public DataLocator withDownloader(Downloader d) {
        return new DataLocator(path, cacheHome, Objects.requireNonNull(d));
    }

    /** Never download. */
    public DataLocator offline() {
        return new DataLocator(path, cacheHome, null);
    }

    public Path cacheHome() {
        return cacheHome;
    }

    /** The local path of every file of {@code source}, in the order of {@link DatasetSource#files()}. */
    public List<Path> locate(DatasetSource source) throws IOException {
        List<String> tried = new ArrayList<>();
        if (path != null) {
            List<Path> found = findAll(path, source.files(), tried);
            if (found != null) {
                return found;
            }
            throw notFound(source, tried, "not tried: a path was given", null);
        }
        Path cache = cacheHome.resolve(source.directory());
        List<Path> candidates = new ArrayList<>();
        candidates.add(cache);
        candidates.addAll(source.systemCopies());
        for (Path dir : candidates) {
            List<Path> found = findAll(dir, source.files(), tried);
            if (found != null) {
                return found;
            }
        }
        if (downloader == null) {
            throw notFound(source, tried, "not tried: offline", null);
        }
        try {
            List<Path> files = new ArrayList<>();
            for (RemoteFile f : source.files()) {
                Path local = find(cache, f);
                files.add(local != null ? local : downloader.download(f, cache));
            }
            return files;
        } catch (IOException e) {
            throw notFound(source, tried, "failed: " + e.getMessage(), e);
        }
    }

    /** Every file in {@code dir}, or null after noting in {@code tried} which are missing. */
    private static List<Path> findAll(Path dir, List<RemoteFile> files, List<String> tried) {
        List<Path> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RemoteFile f : files) {
            Path p = find(dir, f);
            if (p == null) {
                missing.add(f.name());
            }
            found.add(p);
        }
        if (missing.isEmpty()) {
            return found;
        }
        tried.add(dir + (Files.isDirectory(dir) ? ": missing " + String.join(", ", missing) : ": no such directory"));
        return null;
    }

    private static Path find(Path dir, RemoteFile f) {
        Path p = dir.resolve(f.name());
        if (Files.isRegularFile(p)) {
            return p;
        }
        String name = f.name();
        Path plain = name.endsWith(".gz") ? dir.resolve(name.substring(0, name.length() - 3)) : null;
        return plain != null && Files.isRegularFile(plain) ? plain : null;
    }

    private DataNotFoundException notFound(DatasetSource source, List<String> tried, String download, Throwable cause) {
        String files = source.files().stream()
                .map(f -> "  " + f.name() + "  " + f.urls().getFirst() + "  (SHA-256 " + f.sha256() + ")")
                .collect(Collectors.joining("\n"));
        return new DataNotFoundException(source.title() + " was not found. Looked in:\n  "
                + String.join("\n  ", tried) + "\n  download from the official source: " + download
                + "\nTo supply the files, download\n" + files + "\ninto " + cacheHome.resolve(source.directory())
                + " (the cache; NN_DATA_HOME moves it), or pass the directory holding them to load(Path).", cause);
    }
}
