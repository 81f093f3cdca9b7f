package dev.nn.io.data;

import dev.nn.api.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link CsvTable} into a feature matrix and a target: numeric columns are parsed,
 * categorical columns become one-hot columns ({@code ocean_proximity=NEAR BAY}, categories in
 * sorted order, in place of the original column), missing values are counted, logged and then
 * handled by a {@link MissingPolicy}.
 *
 * <p>A value is missing when it is empty, {@code NA} or {@code NaN} (after trimming). Under MEAN
 * and MEDIAN a missing category gets all-zero one-hot columns, and a missing target is an error
 * (imputing the value to predict would fake data). Imputed statistics are computed over every row
 * of the table; fit them on the training split alone when that matters.
 *
 * <p>A categorical column may hold at most {@link #DEFAULT_MAX_CATEGORIES} distinct values unless
 * {@link #withMaxCategories} raises the limit: one-hot columns cost a float per row each, so an
 * unbounded count would let a small file (a row per category) ask for memory quadratic in its size.
 *
 * <p>Immutable: each {@code with...} method returns a new encoder.
 */
public final class TableEncoder {

    /** The most distinct values a categorical column may have by default. */
    public static final int DEFAULT_MAX_CATEGORIES = 1_000;

    private static final Logger log = LoggerFactory.getLogger(TableEncoder.class);
    // the largest array length every JVM accepts
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final String target;
    private final Set<String> categorical;
    private final Set<String> ignored;
    private final MissingPolicy policy;
    private final int maxCategories;

    public TableEncoder() {
        this(null, Set.of(), Set.of(), MissingPolicy.DROP, DEFAULT_MAX_CATEGORIES);
    }

    private TableEncoder(String target, Set<String> categorical, Set<String> ignored, MissingPolicy policy,
                         int maxCategories) {
        this.target = target;
        this.categorical = categorical;
        this.ignored = ignored;
        this.policy = policy;
        this.maxCategories = maxCategories;
    }

    /** The column to predict; it is left out of the features. */
    public TableEncoder withTarget(String column) {
        return new TableEncoder(column, categorical, ignored, policy, maxCategories);
    }

    /** Columns holding categories rather than numbers, encoded one-hot. */
    public TableEncoder withCategorical(String... columns) {
        return new TableEncoder(target, Set.of(columns), ignored, policy, maxCategories);
    }

    /** Columns left out altogether. */
    public TableEncoder withIgnored(String... columns) {
        return new TableEncoder(target, categorical, Set.of(columns), policy, maxCategories);
    }

    public TableEncoder withMissing(MissingPolicy missing) {
        return new TableEncoder(target, categorical, ignored, missing, maxCategories);
    }

    /** Raises (or lowers) the most distinct values one categorical column may have. */
    public TableEncoder withMaxCategories(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxCategories must be positive, got " + max);
        }
        return new TableEncoder(target, categorical, ignored, policy, max);
    }

    public EncodedTable encode(CsvTable table) throws MalformedDataException {
        List<String> header = table.header();
        int rows = table.rowCount();
        int targetColumn = target == null ? -1 : table.column(target);
        if (target != null && (categorical.contains(target) || ignored.contains(target))) {
            throw new IllegalArgumentException("target column '" + target + "' must be numeric and not ignored");
        }
        categorical.forEach(table::column);
        ignored.forEach(table::column);

        // Parse every used column; NaN marks a missing number, null a missing category.
        float[][] numbers = new float[header.size()][];
        String[][] categories = new String[header.size()][];
        Map<String, Integer> missing = new LinkedHashMap<>();
        boolean[] rowHasMissing = new boolean[rows];
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            if (ignored.contains(name)) {
                continue;
            }
            int count = 0;
            if (categorical.contains(name)) {
                categories[c] = new String[rows];
                for (int r = 0; r < rows; r++) {
                    String v = table.value(r, c).trim();
                    categories[c][r] = isMissing(v) ? null : v;
                    if (isMissing(v)) {
                        count++;
                        rowHasMissing[r] = true;
                    }
                }
            } else {
                numbers[c] = new float[rows];
                for (int r = 0; r < rows; r++) {
                    numbers[c][r] = parse(table, r, c);
                    if (Float.isNaN(numbers[c][r])) {
                        count++;
                        rowHasMissing[r] = true;
                    }
                }
            }
            if (count > 0) {
                missing.put(name, count);
            }
        }

        int[] kept = keptRows(table, rows, rowHasMissing, targetColumn, numbers);
        if (!missing.isEmpty()) {
            log.info("{}: missing values {} in {} rows; policy {}{}", table.source(), missing, rows, policy,
                    policy == MissingPolicy.DROP ? " dropped " + (rows - kept.length) + " rows" : "");
        }

        List<String> names = new ArrayList<>();
        List<float[]> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c == targetColumn || (numbers[c] == null && categories[c] == null)) {
                continue;
            }
            if (numbers[c] != null) {
                names.add(header.get(c));
                columns.add(imputed(table, c, numbers[c], kept));
            } else {
                addOneHot(table, header.get(c), categories[c], kept, names, columns);
            }
        }

        if ((long) kept.length * names.size() > MAX_ARRAY) {
            throw new MalformedDataException(table.source() + ": " + kept.length + " rows of " + names.size()
                    + " encoded columns are more values than one tensor holds; ignore some columns");
        }
        float[] x = new float[kept.length * names.size()];
        for (int j = 0; j < columns.size(); j++) {
            float[] col = columns.get(j);
            for (int i = 0; i < kept.length; i++) {
                x[i * names.size() + j] = col[i];
            }
        }
        Tensor y = null;
        if (targetColumn >= 0) {
            float[] t = new float[kept.length];
            for (int i = 0; i < kept.length; i++) {
                t[i] = numbers[targetColumn][kept[i]];
            }
            y = Tensor.wrap(t, kept.length);
        }
        return new EncodedTable(names, Tensor.wrap(x, kept.length, names.size()), target, y, missing,
                rows - kept.length);
    }

    private int[] keptRows(CsvTable table, int rows, boolean[] rowHasMissing, int targetColumn, float[][] numbers)
            throws MalformedDataException {
        List<Integer> kept = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            if (policy == MissingPolicy.DROP && rowHasMissing[r]) {
                continue;
            }
            if (targetColumn >= 0 && Float.isNaN(numbers[targetColumn][r])) {
                throw new MalformedDataException(table.source() + ": line " + table.line(r) + ": the target column '"
                        + target + "' is missing; use MissingPolicy.DROP to drop such rows");
            }
            kept.add(r);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The kept rows of a numeric column, missing values replaced as the policy says. */
    private float[] imputed(CsvTable table, int c, float[] values, int[] kept) throws MalformedDataException {
        float[] out = new float[kept.length];
        int present = 0;
        for (int i = 0; i < kept.length; i++) {
            out[i] = values[kept[i]];
            if (!Float.isNaN(out[i])) {
                present++;
            }
        }
        if (present == kept.length) {
            return out;
        }
        if (present == 0) {
            throw new MalformedDataException(table.source() + ": column '" + table.header().get(c)
                    + "' has no values at all; ignore it with withIgnored(\"" + table.header().get(c) + "\")");
        }
        double[] observed = new double[present];
        int k = 0;
        for (float v : out) {
            if (!Float.isNaN(v)) {
                observed[k++] = v;
            }
        }
        float fill = (float) (policy == MissingPolicy.MEAN ? mean(observed) : median(observed));
        log.info("{}: {} missing values in '{}' replaced by the {} {}", table.source(), kept.length - present,
                table.header().get(c), policy.name().toLowerCase(Locale.ROOT), fill);
        for (int i = 0; i < out.length; i++) {
            if (Float.isNaN(out[i])) {
                out[i] = fill;
            }
        }
        return out;
    }

    private void addOneHot(CsvTable table, String name, String[] values, int[] kept, List<String> names,
                           List<float[]> columns) throws MalformedDataException {
        TreeSet<String> distinct = new TreeSet<>();
        for (int r : kept) {
            if (values[r] != null && distinct.add(values[r]) && distinct.size() > maxCategories) {
                throw new MalformedDataException(table.source() + ": line " + table.line(r) + ": categorical column '"
                        + name + "' has more than " + maxCategories + " distinct values; is it really categorical?"
                        + " If so, raise the limit with withMaxCategories(n)");
            }
        }
        for (String category : distinct) {
            float[] col = new float[kept.length];
            for (int i = 0; i < kept.length; i++) {
                col[i] = category.equals(values[kept[i]]) ? 1f : 0f;
            }
            names.add(name + "=" + category);
            columns.add(col);
        }
    }

    private static float parse(CsvTable table, int r, int c) throws MalformedDataException {
        String v = table.value(r, c).trim();
        if (isMissing(v)) {
            return Float.NaN;
        }
        try {
            float f = Float.parseFloat(v);
            if (Float.isFinite(f)) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below with the position
        }
        throw new MalformedDataException(table.source() + ": line " + table.line(r) + ", column '"
                + table.header().get(c) + "' (column " + (c + 1) + "): '" + v + "' is not a finite number; declare"
                + " the column categorical, or write a missing value as an empty field or NA");
    }

    static boolean isMissing(String v) {
        return v.isEmpty() || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("NaN");
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
