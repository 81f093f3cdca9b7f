package dev.nn.io.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the files of a named data set can come from.
 *
 * @param title        the name shown in messages ("Fashion-MNIST")
 * @param directory    its directory under the cache home ("fashion-mnist")
 * @param files        the files it needs, with their download URLs and checksums
 * @param systemCopies directories where an operating-system package may have installed them
 */
public record DatasetSource(String title, String directory, List<RemoteFile> files, List<Path> systemCopies) {

    public DatasetSource {
        files = List.copyOf(files);
        systemCopies = List.copyOf(systemCopies);
    }
}
