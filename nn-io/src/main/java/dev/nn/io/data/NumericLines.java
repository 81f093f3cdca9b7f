package dev.nn.io.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Header-less lines of comma-separated numbers, as the small bundled data files are written. */
final class NumericLines {

    private NumericLines() {
    }

    /**
     * Every non-blank line remaining in {@code in}, each with exactly {@code columns} numbers;
     * {@code firstLine} is the 1-based number of the next line, for error messages.
     */
    static List<double[]> read(BufferedReader in, String source, int columns, int firstLine) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int lineNo = firstLine;
        for (String line = in.readLine(); line != null; line = in.readLine(), lineNo++) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != columns) {
                throw new MalformedDataException(source + ": line " + lineNo + ": " + fields.length + " values, expected "
                        + columns + "; the file is not the expected one");
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                try {
                    row[c] = Double.parseDouble(fields[c].trim());
                } catch (NumberFormatException e) {
                    throw new MalformedDataException(source + ": line " + lineNo + ", column " + (c + 1) + ": '"
                            + fields[c] + "' is not a number; the file is corrupt", e);
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
