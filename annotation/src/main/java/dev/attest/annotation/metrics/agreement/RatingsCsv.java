package dev.attest.annotation.metrics.agreement;

import dev.attest.annotation.metrics.MetricInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads agreement input from CSV: one row per unit, one column per rater (or per category for a Fleiss
 * counts table), numbers only. An empty cell, "." or "NA" is a missing rating. The first row is a header of
 * rater names when any of its cells is not a number; otherwise raters are named "rater 1", "rater 2", ...
 */
public final class RatingsCsv {
    private RatingsCsv() {
    }

    /** Ratings with missing cells as NaN. */
    public static RatingTable readRatings(Path file) throws IOException {
        Parsed parsed = parse(file);
        return new RatingTable(parsed.header, parsed.rows.toArray(double[][]::new));
    }

    /**
     * A Fleiss table: counts[unit][category], whole numbers >= 0, no missing cells.
     */
    public static long[][] readCounts(Path file) throws IOException {
        Parsed parsed = parse(file);
        long[][] counts = new long[parsed.rows.size()][];
        for (int u = 0; u < counts.length; u++) {
            double[] row = parsed.rows.get(u);
            counts[u] = new long[row.length];
            for (int c = 0; c < row.length; c++) {
                double v = row[c];
                if (Double.isNaN(v) || v < 0 || v != Math.rint(v)) {
                    throw new MetricInputException(file + ": line " + parsed.lines.get(u) + ", column " + (c + 1)
                            + " must be a count (a whole number >= 0), got " + (Double.isNaN(v) ? "an empty cell" : v));
                }
                counts[u][c] = (long) v;
            }
        }
        return counts;
    }

    private record Parsed(List<String> header, List<double[]> rows, List<Integer> lines) {
    }

    private static Parsed parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int columns = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? lines.get(i).replace("\uFEFF", "") : lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (columns < 0) {
                columns = cells.length;
                if (!allNumbers(cells)) {
                    header = new ArrayList<>();
                    for (String c : cells) {
                        header.add(c.strip());
                    }
                    continue;
                }
            }
            if (cells.length != columns) {
                throw new MetricInputException(file + ": line " + (i + 1) + " has " + cells.length + " cells, expected "
                        + columns);
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                String cell = cells[c].strip();
                if (isMissing(cell)) {
                    row[c] = Double.NaN;
                } else {
                    try {
                        row[c] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new MetricInputException(file + ": line " + (i + 1) + ", column " + (c + 1) + " is '"
                                + cell + "', not a number");
                    }
                }
            }
            rows.add(row);
            lineNumbers.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new MetricInputException(file + " holds no rows of ratings");
        }
        if (header == null) {
            header = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                header.add("rater " + (c + 1));
            }
        }
        return new Parsed(header, rows, lineNumbers);
    }

    private static boolean allNumbers(String[] cells) {
        for (String cell : cells) {
            String c = cell.strip();
            if (isMissing(c)) {
                continue;
            }
            try {
                Double.parseDouble(c);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals(".") || cell.equalsIgnoreCase("NA");
    }
}
