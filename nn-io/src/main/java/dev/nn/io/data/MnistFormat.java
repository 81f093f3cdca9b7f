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
        return new TrainTest(split(reader, files.get(0), files.get(1), classes),
                split(reader, files.get(2), files.get(3), classes));
    }

    private static Split split(IdxReader reader, Path imagesFile, Path labelsFile, int classes) throws IOException {
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
        Tensor x = imagesTensor(reader, imagesFile);
        if (x.dim(0) != labels.count()) {
            throw new MalformedDataException(imagesFile + " holds " + x.dim(0) + " images but " + labelsFile
                    + " holds " + labels.count() + " labels; the files belong to different sets");
        }
        return new Split(x, labels.toLabels());
    }

    // A method of its own so the image bytes become garbage as soon as the floats exist.
    private static Tensor imagesTensor(IdxReader reader, Path file) throws IOException {
        IdxData images = reader.read(file);
        if (images.shape().length != 3) {
            throw new MalformedDataException(file + ": images need a rank-3 file (count, rows, columns), this one"
                    + " has shape " + Arrays.toString(images.shape()));
        }
        return images.toImages();
    }
}
