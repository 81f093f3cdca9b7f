package dev.nn.io.data;

import java.util.List;

/**
 * A parsed CSV file: its header and its rows as text, each row with the 1-based line number where
 * it starts, so that later errors can point into the file.
 */
public record CsvTable(String source, List<String> header, List<List<String>> rows, int[] lines) {

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        lines = lines.clone();
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException(rows.size() + " rows but " + lines.length + " line numbers");
        }
    }

    public int rowCount() {
        return rows.size();
    }

    public String value(int row, int column) {
        return rows.get(row).get(column);
    }

    /** The 1-based line of the file where row {@code row} (0-based, header excluded) starts. */
    public int line(int row) {
        return lines[row];
    }

    /** The index of the named column; the error lists the columns there are. */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(source + ": no column '" + name + "'; the columns are " + header);
        }
        return i;
    }
}
