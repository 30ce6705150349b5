package dev.attest.annotation.metrics.agreement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.metrics.MetricInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV input: header detection, missing cells, and errors that name the file, line and column. */
class RatingsCsvTest {

    @Test
    void readsAHeaderAndMissingCells(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("r.csv"), "ann,ben,cat\n1,2,\n3,.,NA\n\n2.5,1,4\n");
        RatingTable t = RatingsCsv.readRatings(csv);
        assertEquals(List.of("ann", "ben", "cat"), t.raters());
        assertEquals(3, t.units());
        assertArrayEquals(new double[] {1, 2, Double.NaN}, t.values()[0]);
        assertTrue(Double.isNaN(t.values()[1][1]) && Double.isNaN(t.values()[1][2]));
        assertArrayEquals(new double[] {2, Double.NaN, 1}, t.rater(1));
    }

    @Test
    void withoutAHeaderRatersAreNumbered(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("r.csv"), "1,2\n2,2\n");
        assertEquals(List.of("rater 1", "rater 2"), RatingsCsv.readRatings(csv).raters());
    }

    @Test
    void refusesWordsAmongTheRatings(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("r.csv"), "a,b\n1,2\n2,yes\n");
        MetricInputException e = assertThrows(MetricInputException.class, () -> RatingsCsv.readRatings(csv));
        assertEquals(csv + ": line 3, column 2 is 'yes', not a number", e.getMessage());
    }

    @Test
    void countsMustBeWholeNumbers(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("c.csv"), "1,2\n2,1.5\n");
        MetricInputException e = assertThrows(MetricInputException.class, () -> RatingsCsv.readCounts(csv));
        assertEquals(csv + ": line 2, column 2 must be a count (a whole number >= 0), got 1.5", e.getMessage());
        assertArrayEquals(new long[] {1, 2}, RatingsCsv.readCounts(Files.writeString(dir.resolve("d.csv"), "1,2\n"))[0]);
    }
}
