package dev.nn.io.data;

import dev.nn.api.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The UCI optical digits, 8x8, as scikit-learn's {@code load_digits} returns them: 1,797 rows of
 * 64 pixel values 0-16 (unscaled, row by row) and labels 0-9. The file has one image per line, the
 * 64 pixels then the label; the caller gives its path ({@code digits.csv} or {@code digits.csv.gz}).
 * No official split: every row is returned, in file order.
 */
public final class Digits {

    private Digits() {
    }

    public static Split load(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            List<double[]> rows = NumericLines.read(reader, file.toString(), 65, 1);
            float[] x = new float[rows.size() * 64];
            float[] y = new float[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                double[] r = rows.get(i);
                for (int j = 0; j < 64; j++) {
                    x[i * 64 + j] = (float) r[j];
                }
                if (r[64] != Math.rint(r[64]) || r[64] < 0 || r[64] > 9) {
                    throw new MalformedDataException(file + ": line " + (i + 1) + ": label " + r[64] + " is not a digit");
                }
                y[i] = (float) r[64];
            }
            return new Split(Tensor.wrap(x, rows.size(), 64), Tensor.wrap(y, rows.size()));
        }
    }
}
