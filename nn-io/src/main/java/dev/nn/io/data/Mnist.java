package dev.nn.io.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * LeCun, Cortes and Burges's MNIST handwritten digits: 60,000 training and 10,000 test images,
 * 28x28 grey levels, labels 0-9. Images come as float32 scaled to [0, 1], shape (n, 28, 28);
 * labels as float class indices, shape (n). Downloaded from the mirror PyTorch maintains, then
 * the one TensorFlow uses (the original site no longer serves the files reliably).
 */
public final class Mnist {

    private static final List<String> MIRRORS = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/");

    public static final DatasetSource SOURCE = new DatasetSource("MNIST", "mnist", List.of(
            RemoteFile.under(MIRRORS, MnistFormat.FILE_NAMES.get(0),
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
            RemoteFile.under(MIRRORS, MnistFormat.FILE_NAMES.get(1),
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
            RemoteFile.under(MIRRORS, MnistFormat.FILE_NAMES.get(2),
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
            RemoteFile.under(MIRRORS, MnistFormat.FILE_NAMES.get(3),
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),
            List.of());

    private Mnist() {
    }

    /** From the cache or a download; see {@link DataLocator}. */
    public static TrainTest load() throws IOException {
        return load(DataLocator.defaults());
    }

    /** From the four IDX files in {@code dir}, gzip-compressed or not. */
    public static TrainTest load(Path dir) throws IOException {
        return load(DataLocator.defaults().withPath(dir));
    }

    public static TrainTest load(DataLocator locator) throws IOException {
        return MnistFormat.read(locator.locate(SOURCE), 10);
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
        return MnistFormat.read(locator, SOURCE, 10, validationRows);
    }
}
