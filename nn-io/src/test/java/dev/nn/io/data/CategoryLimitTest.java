package dev.nn.io.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** One-hot columns cost a float per row each, so the number of categories is bounded (quadratic blow-up otherwise). */
class CategoryLimitTest {

    private static CsvTable distinctRows(int n) throws IOException {
        StringBuilder sb = new StringBuilder("c,y\n");
        for (int i = 0; i < n; i++) {
            sb.append("v").append(i).append(',').append(i).append('\n');
        }
        return CsvReader.read(new StringReader(sb.toString()), "many.csv");
    }

    @Test
    void aColumnWithMoreCategoriesThanTheLimitIsRefusedWithTheWayOut() throws IOException {
        CsvTable t = distinctRows(TableEncoder.DEFAULT_MAX_CATEGORIES + 1);
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> new TableEncoder().withTarget("y").withCategorical("c").encode(t));
        assertTrue(e.getMessage().contains("withMaxCategories"), e.getMessage());
        EncodedTable ok = new TableEncoder().withTarget("y").withCategorical("c")
                .withMaxCategories(TableEncoder.DEFAULT_MAX_CATEGORIES + 1).encode(t);
        assertEquals(TableEncoder.DEFAULT_MAX_CATEGORIES + 1, ok.featureNames().size());
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TableEncoder().withMaxCategories(0));
    }
}
