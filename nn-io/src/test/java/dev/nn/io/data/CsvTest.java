package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static CsvTable csv(String text) throws IOException {
        return CsvReader.read(new StringReader(text), "test.csv");
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        CsvTable t = csv("name,note,n\r\n\"Smith, J.\",\"said \"\"hi\"\"\",1\r\n\"two\nlines\",,2\r\n\"\",x,3");
        assertEquals(List.of("name", "note", "n"), t.header());
        assertEquals(List.of("Smith, J.", "said \"hi\"", "1"), t.rows().get(0));
        assertEquals(List.of("two\nlines", "", "2"), t.rows().get(1));
        assertEquals(List.of("", "x", "3"), t.rows().get(2));
        assertArrayEquals(new int[] {2, 3, 5}, t.lines());
    }

    @Test
    void emptyLinesAreSkippedAndLineNumbersStayTrue() throws IOException {
        CsvTable t = csv("\na,b\n\n1,2\n\n\n3,4\n\n");
        assertEquals(2, t.rowCount());
        assertArrayEquals(new int[] {4, 7}, t.lines());
    }

    @Test
    void malformedRecords() {
        assertTrue(error("a,b\n1,2,3\n").contains("line 2: 3 fields, but the header has 2"));
        assertTrue(error("a,b\n\"open,2\n").contains("line 2: a quoted field is never closed"));
        assertTrue(error("a,b\n\"x\"y,2\n").contains("line 2: text after the closing quote of field 1"));
        assertTrue(error("a,b\nx\"y,2\n").contains("a quote inside unquoted field 1"));
        assertTrue(error("").contains("empty"));
    }

    @Test
    void nonNumericValueNamesLineAndColumn() throws IOException {
        CsvTable t = csv("x,y,label\n1,2,a\n\n3,oops,b\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> new TableEncoder().withCategorical("label").encode(t));
        assertTrue(e.getMessage().contains("test.csv: line 4, column 'y' (column 2): 'oops' is not a finite number"),
                e.getMessage());
    }

    @Test
    void missingValuesAreCountedAndImputed() throws IOException {
        CsvTable t = csv("a,b,c,target\n1,10,u,100\n,20,v,200\n3,,NA,300\n5,70,u,400\n");
        TableEncoder enc = new TableEncoder().withTarget("target").withCategorical("c");

        EncodedTable mean = enc.withMissing(MissingPolicy.MEAN).encode(t);
        assertEquals(Map.of("a", 1, "b", 1, "c", 1), mean.missing());
        assertEquals(3, mean.totalMissing());
        assertEquals(List.of("a", "b", "c=u", "c=v"), mean.featureNames());
        assertArrayEquals(new float[] {
            1, 10, 1, 0,
            3, 20, 0, 1,
            3, 100f / 3, 0, 0,
            5, 70, 1, 0}, mean.x().toArray(), 1e-5f);
        assertArrayEquals(new float[] {100, 200, 300, 400}, mean.y().toArray());

        EncodedTable median = enc.withMissing(MissingPolicy.MEDIAN).encode(t);
        assertEquals(3f, median.x().get(1, 0));
        assertEquals(20f, median.x().get(2, 1));

        EncodedTable dropped = enc.withMissing(MissingPolicy.DROP).encode(t);
        assertEquals(2, dropped.droppedRows());
        assertArrayEquals(new int[] {2, 3}, dropped.x().shape());
        assertEquals(List.of("a", "b", "c=u"), dropped.featureNames());
        assertArrayEquals(new float[] {100, 400}, dropped.y().toArray());
    }

    @Test
    void missingTargetAndIgnoredColumns() throws IOException {
        CsvTable t = csv("id,a,target\nx1,1,\nx2,2,5\n");
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> new TableEncoder().withTarget("target").withIgnored("id").withMissing(MissingPolicy.MEAN).encode(t));
        assertTrue(e.getMessage().contains("line 2: the target column 'target' is missing"), e.getMessage());

        EncodedTable noTarget = new TableEncoder().withIgnored("id", "target").encode(t);
        assertNull(noTarget.y());
        assertEquals(List.of("a"), noTarget.featureNames());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new TableEncoder().withTarget("price").encode(t));
        assertTrue(unknown.getMessage().contains("no column 'price'; the columns are [id, a, target]"));
    }

    @Test
    void bookHousingCsvReports207MissingBedrooms() throws IOException {
        Path csv = TestData.sharedDataset("california-housing/housing.csv");
        EncodedTable t = new TableEncoder().withTarget("median_house_value").withCategorical("ocean_proximity")
                .withMissing(MissingPolicy.MEDIAN).encode(CsvReader.read(csv));
        assertEquals(Map.of("total_bedrooms", 207), t.missing());
        assertArrayEquals(new int[] {20640, 13}, t.x().shape());
        assertEquals(List.of("ocean_proximity=<1H OCEAN", "ocean_proximity=INLAND", "ocean_proximity=ISLAND",
                "ocean_proximity=NEAR BAY", "ocean_proximity=NEAR OCEAN"), t.featureNames().subList(8, 13));
        assertEquals(435f, t.x().get(290, t.feature("total_bedrooms")), "the book's median");
    }

    private static String error(String text) {
        return assertThrows(MalformedDataException.class, () -> csv(text)).getMessage();
    }

    @Test
    void readsGzipFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("a\n1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(List.of(List.of("1")), CsvReader.read(f).rows());
    }
}
