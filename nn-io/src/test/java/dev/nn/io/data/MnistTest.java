package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MNIST itself cannot be downloaded here: the loader is tested on IDX files in the same layout. */
class MnistTest {

    @TempDir
    Path dir;

    private void write(String name, int n, int labelOffset) throws IOException {
        byte[] pixels = new byte[n * 28 * 28];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) ((i + labelOffset) % 10);
            pixels[i * 784 + 14 * 28 + 14] = (byte) 255;
            pixels[i * 784 + i] = (byte) (i + 1); // tells the images apart
        }
        IdxWriter.write(dir.resolve(name + "-images-idx3-ubyte.gz"), IdxData.ofUbytes(pixels, n, 28, 28));
        IdxWriter.write(dir.resolve(name + "-labels-idx1-ubyte.gz"), IdxData.ofUbytes(labels, n));
    }

    @Test
    void loadsTheFourIdxFiles() throws IOException {
        write("train", 60, 0);
        write("t10k", 10, 3);
        TrainTest d = Mnist.load(dir);
        assertArrayEquals(new int[] {60, 28, 28}, d.train().x().shape());
        assertArrayEquals(new int[] {60}, d.train().y().shape());
        assertArrayEquals(new int[] {10, 28, 28}, d.test().x().shape());
        assertEquals(1f, d.train().x().get(7, 14, 14));
        assertEquals(0f, d.train().x().get(7, 0, 0));
        assertArrayEquals(new float[] {3, 4, 5}, d.test().y().rows(0, 3).toArray());
    }

    @Test
    void mismatchedOrMisplacedFilesAreRejected() throws IOException {
        write("train", 60, 0);
        write("t10k", 10, 0);
        IdxWriter.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxData.ofUbytes(new byte[9], 9));
        String m = assertThrows(MalformedDataException.class, () -> Mnist.load(dir)).getMessage();
        assertTrue(m.contains("holds 10 images but") && m.contains("holds 9 labels"), m);

        IdxWriter.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxData.ofUbytes(new byte[] {0, 10, 0, 0, 0, 0, 0, 0, 0, 0}, 10));
        m = assertThrows(MalformedDataException.class, () -> Mnist.load(dir)).getMessage();
        assertTrue(m.contains("offset 9: label 10 is not one of the 10 classes"), m);
    }

    @Test
    void validationRowsAreTheLastTrainingRows() throws IOException {
        write("train", 60, 0);
        write("t10k", 10, 3);
        TrainTest full = Mnist.load(dir);
        TrainValidationTest d = Mnist.loadWithValidation(dir, 6);
        assertArrayEquals(new int[] {54, 28, 28}, d.train().x().shape());
        assertArrayEquals(new int[] {6, 28, 28}, d.validation().x().shape());
        assertArrayEquals(full.train().x().rows(0, 54).toArray(), d.train().x().toArray());
        assertArrayEquals(full.train().y().rows(0, 54).toArray(), d.train().y().toArray());
        assertArrayEquals(full.train().x().rows(54, 60).toArray(), d.validation().x().toArray());
        assertArrayEquals(new float[] {4, 5, 6, 7, 8, 9}, d.validation().y().toArray());
        assertArrayEquals(full.test().x().toArray(), d.test().x().toArray());
        assertArrayEquals(full.test().y().toArray(), d.test().y().toArray());
    }

    @Test
    void validationSizesThatLeaveNoRowsAreRejected() throws IOException {
        write("train", 60, 0);
        write("t10k", 10, 0);
        for (int bad : new int[] {60, 61}) {
            String m = assertThrows(IllegalArgumentException.class, () -> Mnist.loadWithValidation(dir, bad)).getMessage();
            assertTrue(m.contains("validationRows is " + bad) && m.contains("has 60 rows"), m);
        }
        assertEquals(59, Mnist.loadWithValidation(dir, 59).validation().size());
        // rejected before anything is located (which could download): the empty directory is never looked in
        Path empty = dir.resolve("empty");
        for (int bad : new int[] {0, -5}) {
            String m = assertThrows(IllegalArgumentException.class, () -> Mnist.loadWithValidation(empty, bad))
                    .getMessage();
            assertTrue(m.contains("positive, got " + bad), m);
        }
    }
}
