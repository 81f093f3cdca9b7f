package dev.nn.io.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads CSV with a header row, as RFC 4180 defines it: fields separated by commas, records by
 * line breaks (LF or CRLF); a field in double quotes may hold commas, line breaks and doubled
 * quotes ({@code ""} for one {@code "}). Empty lines are skipped. Every record must have as many
 * fields as the header.
 */
public final class CsvReader {

    private CsvReader() {
    }

    /** Reads a UTF-8 file; a name ending in {@code .gz} is decompressed. */
    public static CsvTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                InputStream data = file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
                Reader reader = new InputStreamReader(data, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
    }

    /** Reads from {@code reader}; {@code source} names it in error messages. */
    public static CsvTable read(Reader reader, String source) throws IOException {
        Parser p = new Parser(new PushbackReader(new BufferedReader(reader, 1 << 16)), source);
        List<String> header = p.next();
        if (header == null) {
            throw new MalformedDataException(source + ": the file is empty; a CSV file needs a header row");
        }
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (List<String> row = p.next(); row != null; row = p.next()) {
            if (row.size() != header.size()) {
                throw new MalformedDataException(source + ": line " + p.recordLine + ": " + row.size()
                        + " fields, but the header has " + header.size() + "; quote fields that contain commas");
            }
            rows.add(row);
            lines.add(p.recordLine);
        }
        return new CsvTable(source, header, rows, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A record-at-a-time RFC 4180 scanner that tracks line numbers. */
    private static final class Parser {
        private final PushbackReader in;
        private final String source;
        private int line = 1;
        int recordLine;

        Parser(PushbackReader in, String source) {
            this.in = in;
            this.source = source;
        }

        /** The next non-empty record, or null at the end of the input. */
        List<String> next() throws IOException {
            while (true) {
                recordLine = line;
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                int c;
                while (true) {
                    c = in.read();
                    if (c == '"' && field.isEmpty() && !quoted) {
                        readQuoted(field);
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        quoted = false;
                    } else if (c == '\n' || c == '\r' || c == -1) {
                        if (c == '\r') {
                            int n = in.read();
                            if (n != '\n' && n != -1) {
                                in.unread(n);
                            }
                        }
                        break;
                    } else if (quoted) {
                        throw new MalformedDataException(source + ": line " + line + ": text after the closing quote of"
                                + " field " + (fields.size() + 1) + "; a quote inside a quoted field is written \"\"");
                    } else if (c == '"') {
                        throw new MalformedDataException(source + ": line " + line + ": a quote inside unquoted field "
                                + (fields.size() + 1) + "; quote the whole field and double the quote (\"\")");
                    } else {
                        field.append((char) c);
                    }
                }
                boolean blank = fields.isEmpty() && field.isEmpty() && !quoted;
                if (c != -1) {
                    line++;
                }
                if (!blank) {
                    fields.add(field.toString());
                    return fields;
                }
                if (c == -1) {
                    return null;
                }
            }
        }

        private void readQuoted(StringBuilder field) throws IOException {
            int startLine = line;
            while (true) {
                int c = in.read();
                if (c == -1) {
                    throw new MalformedDataException(source + ": line " + startLine
                            + ": a quoted field is never closed; the file is truncated or a quote is missing");
                }
                if (c == '"') {
                    int n = in.read();
                    if (n != '"') {
                        if (n != -1) {
                            in.unread(n);
                        }
                        return;
                    }
                } else if (c == '\n') {
                    line++;
                }
                field.append((char) c);
            }
        }
    }
}
