package dev.attest.annotation.metrics.agreement;

import dev.attest.annotation.metrics.MetricInputException;
import java.util.List;

/**
 * Ratings of units by raters: values[unit][rater], NaN where a rater did not rate a unit.
 *
 * @param raters the raters' names, one per column
 * @param values the ratings, one row per unit
 */
public record RatingTable(List<String> raters, double[][] values) {

    public RatingTable {
        raters = List.copyOf(raters);
        for (int u = 0; u < values.length; u++) {
            if (values[u].length != raters.size()) {
                throw new MetricInputException("unit " + (u + 1) + " has " + values[u].length + " ratings for "
                        + raters.size() + " raters");
            }
        }
    }

    public int units() {
        return values.length;
    }

    /** One rater's column. */
    public double[] rater(int index) {
        double[] column = new double[values.length];
        for (int u = 0; u < values.length; u++) {
            column[u] = values[u][index];
        }
        return column;
    }
}
