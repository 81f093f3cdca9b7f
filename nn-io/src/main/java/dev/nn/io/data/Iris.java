package dev.nn.io.data;

import dev.nn.api.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fisher's iris flowers (1936): 150 rows, 50 per species, of sepal length, sepal width, petal
 * length and petal width in cm; labels are class indices into {@link #CLASS_NAMES}. Shipped inside
 * nn-io (public domain, the same rows as scikit-learn's {@code load_iris}), so it needs no download.
 * There is no official split: {@link #load()} returns every row, in file order (sorted by species),
 * for {@link DataSplit#trainTestSplit} to shuffle.
 */
public final class Iris {

    public static final List<String> FEATURE_NAMES = List.of("sepal length (cm)", "sepal width (cm)",
            "petal length (cm)", "petal width (cm)");
    public static final List<String> CLASS_NAMES = List.of("setosa", "versicolor", "virginica");

    private static final String RESOURCE = "iris.csv";

    private Iris() {
    }

    public static Split load() throws IOException {
        String source = "nn-io resource " + Iris.class.getPackageName().replace('.', '/') + "/" + RESOURCE;
        InputStream stream = Iris.class.getResourceAsStream(RESOURCE);
        if (stream == null) {
            throw new IOException(source + " is missing from the class path; the nn-io jar is incomplete");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.US_ASCII))) {
            // First line: row count, feature count, class names.
            String header = in.readLine();
            if (header == null || !header.equals("150,4," + String.join(",", CLASS_NAMES))) {
                throw new MalformedDataException(source + ": line 1 is '" + header + "', not the expected header");
            }
            List<double[]> rows = NumericLines.read(in, source, 5, 2);
            if (rows.size() != 150) {
                throw new MalformedDataException(source + ": " + rows.size() + " rows, expected 150");
            }
            float[] x = new float[150 * 4];
            float[] y = new float[150];
            for (int i = 0; i < 150; i++) {
                for (int j = 0; j < 4; j++) {
                    x[i * 4 + j] = (float) rows.get(i)[j];
                }
                y[i] = (float) rows.get(i)[4];
            }
            return new Split(Tensor.wrap(x, 150, 4), Tensor.wrap(y, 150));
        }
    }
}
