package dev.attest.annotation.metrics.agreement;

import dev.attest.annotation.metrics.MetricInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Cohen's (1960) kappa of two raters, unweighted or with linear or quadratic weights (Cohen 1968), from a
 * contingency table or from the two raters' ratings of the same units.
 */
public final class CohenKappa {
    private CohenKappa() {
    }

    /**
     * Kappa from a k × k table: table[i][j] counts units rater A put in category i and rater B in category
     * j, categories in rank order (the order weights use).
     */
    public static KappaResult fromTable(long[][] table, KappaWeighting weighting) {
        List<Double> ranks = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            ranks.add((double) i);
        }
        return fromTable(table, weighting, ranks);
    }

    private static KappaResult fromTable(long[][] table, KappaWeighting weighting, List<Double> categories) {
        int k = table.length;
        if (k < 2) {
            throw new MetricInputException("a kappa table needs at least two categories, got " + k);
        }
        double[] rows = new double[k];
        double[] columns = new double[k];
        double n = 0;
        for (int i = 0; i < k; i++) {
            if (table[i].length != k) {
                throw new MetricInputException("a kappa table is square; row " + i + " has " + table[i].length
                        + " counts, expected " + k);
            }
            for (int j = 0; j < k; j++) {
                if (table[i][j] < 0) {
                    throw new MetricInputException("count [" + i + "][" + j + "] is negative: " + table[i][j]);
                }
                rows[i] += table[i][j];
                columns[j] += table[i][j];
                n += table[i][j];
            }
        }
        if (n == 0) {
            throw new MetricInputException("a kappa table needs at least one rated unit");
        }
        double observedDisagreement = 0;
        double expectedDisagreement = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = weighting.disagreement(i, j, k);
                observedDisagreement += w * table[i][j] / n;
                expectedDisagreement += w * (rows[i] / n) * (columns[j] / n);
            }
        }
        double po = 1 - observedDisagreement;
        double pe = 1 - expectedDisagreement;
        double kappa = expectedDisagreement == 0 ? Double.NaN : 1 - observedDisagreement / expectedDisagreement;
        return new KappaResult(kappa, po, pe, (long) n, weighting, categories);
    }

    /**
     * Kappa from two raters' ratings of the same units (NaN = not rated); units either rater skipped are
     * left out. Categories are the distinct values rated, in ascending order, and weights use their ranks.
     */
    public static KappaResult fromRatings(double[] a, double[] b, KappaWeighting weighting) {
        if (a.length != b.length) {
            throw new MetricInputException("the two raters rated " + a.length + " and " + b.length
                    + " units; pairs need the same units");
        }
        TreeSet<Double> values = new TreeSet<>();
        for (int u = 0; u < a.length; u++) {
            if (!Double.isNaN(a[u]) && !Double.isNaN(b[u])) {
                values.add(a[u]);
                values.add(b[u]);
            }
        }
        if (values.isEmpty()) {
            throw new MetricInputException("no unit was rated by both raters");
        }
        List<Double> categories = new ArrayList<>(values);
        // With one category only the table is still 2 × 2 (a phantom empty category), so that kappa comes out
        // NaN with p_o = p_e = 1 rather than failing: raters who never vary are not an input error.
        long[][] table = new long[Math.max(2, categories.size())][Math.max(2, categories.size())];
        for (int u = 0; u < a.length; u++) {
            if (!Double.isNaN(a[u]) && !Double.isNaN(b[u])) {
                table[categories.indexOf(a[u])][categories.indexOf(b[u])]++;
            }
        }
        return fromTable(table, weighting, categories);
    }
}
