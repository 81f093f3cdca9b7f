package dev.nn.io.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Zalando's Fashion-MNIST: 60,000 training and 10,000 test images of clothes, 28x28 grey levels,
 * in 10 classes ({@link #CLASS_NAMES}). Unlike Keras, which returns bytes, images come as float32
 * scaled to [0, 1], shape (n, 28, 28); labels are float class indices, shape (n). MIT licence.
 */
public final class FashionMnist {

    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    // GitHub first, over TLS; Zalando's S3 website endpoint serves plain HTTP only (the checksum guards both).
    private static final List<String> MIRRORS = List.of(
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    // Checksums of the files Zalando publishes. Debian's copies are recompressed, so they differ;
    // they are only ever used in place, never checked against these.
    public static final DatasetSource SOURCE = new DatasetSource("Fashion-MNIST", "fashion-mnist", List.of(
            RemoteFile.under(MIRRORS, MnistFormat.FILE_NAMES.get(0),
                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
            RemoteFile.under(MIRRORS, MnistFormat.FILE_NAMES.get(1),
                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
            RemoteFile.under(MIRRORS, MnistFormat.FILE_NAMES.get(2),
                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
            RemoteFile.under(MIRRORS, MnistFormat.FILE_NAMES.get(3),
                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")));

    private FashionMnist() {
    }

    /** From the cache, the Debian package's copy, or a download; see {@link DataLocator}. */
    public static TrainTest load() throws IOException {
        return load(DataLocator.defaults());
    }

    /** From the four IDX files in {@code dir}, gzip-compressed or not. */
    public static TrainTest load(Path dir) throws IOException {
        return load(DataLocator.defaults().withPath(dir));
    }

    public static TrainTest load(DataLocator locator) throws IOException {
        return MnistFormat.read(locator.locate(SOURCE), CLASS_NAMES.size());
    }

    /**
     * Like {@link #load()}, with the last {@code validationRows} training images held out as a
     * validation split (the book holds out 5,000). Each split is converted from the file's bytes on
     * its own, so a float copy of the whole training set never exists.
     *
     * @throws IllegalArgumentException unless 0 &lt; validationRows &lt; the number of training images
     */
    public static TrainValidationTest loadWithValidation(int validationRows) throws IOException {
        return loadWithValidation(DataLocator.defaults(), validationRows);
    }

    /** {@link #loadWithValidation(int)} from the four IDX files in {@code dir}. */
    public static TrainValidationTest loadWithValidation(Path dir, int validationRows) throws IOException {
        return loadWithValidation(DataLocator.defaults().withPath(dir), validationRows);
    }

    public static TrainValidationTest loadWithValidation(DataLocator locator, int validationRows) throws IOException {
        return MnistFormat.read(locator, SOURCE, CLASS_NAMES.size(), validationRows);
    }
}
