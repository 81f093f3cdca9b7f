package dev.nn.io.data;

import dev.nn.api.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The four IDX files of an MNIST-like data set, read and cross-checked into train and test splits. */
final class MnistFormat {

    static final List<String> FILE_NAMES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private MnistFormat() {
    }

    /** Reads train images, train labels, test images and test labels, in that order. */
    static TrainTest read(List<Path> files, int classes) throws IOException {
        IdxReader reader = new IdxReader();
        return new TrainTest(pair(reader, files.get(0), files.get(1), classes).all(),
                pair(reader, files.get(2), files.get(3), classes).all());
    }

    /**
     * Locates and reads the data set with the last {@code validationRows} training rows as the
     * validation split. The size is checked for sign before anything is located, since that may download.
     */
    static TrainValidationTest read(DataLocator locator, DatasetSource source, int classes, int validationRows)
            throws IOException {
        if (validationRows <= 0) {
            throw new IllegalArgumentException("validationRows must be positive, got " + validationRows);
        }
        List<Path> files = locator.locate(source);
        IdxReader reader = new IdxReader();
        // the training bytes are unreachable once split, before the test files are read
        HeldOut train = pair(reader, files.get(0), files.get(1), classes).holdOut(validationRows);
        Split test = pair(reader, files.get(2), files.get(3), classes).all();
        return new TrainValidationTest(train.train(), train.validation(), test);
    }

    private static Pair pair(IdxReader reader, Path imagesFile, Path labelsFile, int classes) throws IOException {
        IdxData labels = reader.read(labelsFile);
        if (labels.shape().length != 1) {
            throw new MalformedDataException(labelsFile + ": labels need a rank-1 file, this one has shape "
                    + Arrays.toString(labels.shape()) + "; are the images and labels files swapped?");
        }
        for (int i = 0; i < labels.count(); i++) {
            if ((labels.ubytes()[i] & 0xFF) >= classes) {
                throw new MalformedDataException(labelsFile + ": offset " + (8 + i) + ": label "
                        + (labels.ubytes()[i] & 0xFF) + " is not one of the " + classes + " classes");
            }
        }
        IdxData images = reader.read(imagesFile);
        if (images.shape().length != 3) {
            throw new MalformedDataException(imagesFile + ": images need a rank-3 file (count, rows, columns), this one"
                    + " has shape " + Arrays.toString(images.shape()));
        }
        if (images.count() != labels.count()) {
            throw new MalformedDataException(imagesFile + " holds " + images.count() + " images but " + labelsFile
                    + " holds " + labels.count() + " labels; the files belong to different sets");
        }
        return new Pair(images, labels);
    }

    /** Images and their labels, checked against each other and still bytes, so any rows convert without a float copy. */
    private record Pair(IdxData images, IdxData labels) {

        Split all() {
            return rows(0, images.count());
        }

        HeldOut holdOut(int validationRows) {
            int n = images.count();
            if (validationRows >= n) {
                throw new IllegalArgumentException("validationRows is " + validationRows + " but the training set has "
                        + n + " rows; hold out fewer so that some remain for training");
            }
            return new HeldOut(rows(0, n - validationRows), rows(n - validationRows, n));
        }

        private Split rows(int from, int to) {
            return new Split(images.toImages(from, to), labels.toLabels(from, to));
        }
    }

    private record HeldOut(Split train, Split validation) {
    }
}
