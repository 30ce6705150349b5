package dev.attest.annotation.metrics.agreement;

import dev.attest.annotation.metrics.MetricInputException;
import java.util.ArrayList;
import java.util.List;

/** Fleiss' (1971) kappa for a fixed number of raters per unit, from a table of counts per unit and category. */
public final class FleissKappa {
    private FleissKappa() {
    }

    /**
     * Kappa of counts[i][j], the number of raters who put unit i in category j; every row must sum to the
     * same number of raters, at least two.
     */
    public static FleissResult compute(long[][] counts) {
        if (counts.length == 0) {
            throw new MetricInputException("Fleiss' kappa needs at least one unit");
        }
        int k = counts[0].length;
        long raters = -1;
        double[] categoryTotals = new double[k];
        double agreementSum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != k) {
                throw new MetricInputException("unit " + (i + 1) + " has " + counts[i].length + " categories, unit 1 has "
                        + k);
            }
            long n = 0;
            double pairsAgreeing = 0;
            for (int j = 0; j < k; j++) {
                long c = counts[i][j];
                if (c < 0) {
                    throw new MetricInputException("unit " + (i + 1) + ", category " + (j + 1) + " has a negative count");
                }
                n += c;
                pairsAgreeing += (double) c * (c - 1);
                categoryTotals[j] += c;
            }
            if (raters < 0) {
                raters = n;
                if (n < 2) {
                    throw new MetricInputException("Fleiss' kappa needs at least two raters per unit; unit 1 has " + n);
                }
            } else if (n != raters) {
                throw new MetricInputException("unit " + (i + 1) + " has " + n + " ratings but unit 1 has " + raters
                        + "; Fleiss' kappa needs the same number per unit (Krippendorff's alpha allows missing ones)");
            }
            agreementSum += pairsAgreeing / ((double) n * (n - 1));
        }
        double total = (double) raters * counts.length;
        double meanAgreement = agreementSum / counts.length;
        double expected = 0;
        List<Double> proportions = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            double p = categoryTotals[j] / total;
            proportions.add(p);
            expected += p * p;
        }
        double kappa = expected == 1 ? Double.NaN : (meanAgreement - expected) / (1 - expected);
        return new FleissResult(kappa, meanAgreement, expected, counts.length, raters, proportions);
    }
}
