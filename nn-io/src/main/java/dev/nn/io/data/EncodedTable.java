package dev.nn.io.data;

import dev.nn.api.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV table turned into numbers by {@link TableEncoder}.
 *
 * @param featureNames one name per column of {@code x}; one-hot columns are named {@code column=value}
 * @param x            features, shape (rows, features)
 * @param targetName   the target column, or null if none was chosen
 * @param y            the target, shape (rows), or null if none was chosen
 * @param missing      missing values found per column (only columns that had some), before imputation
 * @param droppedRows  rows removed by {@link MissingPolicy#DROP}
 */
public record EncodedTable(List<String> featureNames, Tensor x, String targetName, Tensor y,
        Map<String, Integer> missing, int droppedRows) {

    public EncodedTable {
        featureNames = List.copyOf(featureNames);
        missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }

    /** Total missing values over all columns. */
    public int totalMissing() {
        return missing.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Index of the named feature column in {@code x}. */
    public int feature(String name) {
        int i = featureNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no feature '" + name + "'; the features are " + featureNames);
        }
        return i;
    }
}
