package dev.attest.annotation.metrics.agreement;

import dev.attest.annotation.metrics.MetricInputException;
import java.util.List;

/**
 * Intraclass correlations for continuous ratings, all six forms of Shrout and Fleiss (1979), "Intraclass
 * correlations: uses in assessing rater reliability", Psychological Bulletin 86(2), from complete data.
 */
public final class IntraclassCorrelation {
    private IntraclassCorrelation() {
    }

    /**
     * The six forms for ratings[target][judge]; every target must be rated by every judge (a missing rating
     * leaves the two-way model undefined), with at least two targets and two judges.
     */
    public static IccResult compute(double[][] ratings) {
        int n = ratings.length;
        if (n < 2) {
            throw new MetricInputException("ICC needs at least two targets, got " + n);
        }
        int k = ratings[0].length;
        if (k < 2) {
            throw new MetricInputException("ICC needs at least two judges, got " + k);
        }
        double grand = 0;
        double[] targetMeans = new double[n];
        double[] judgeMeans = new double[k];
        for (int i = 0; i < n; i++) {
            if (ratings[i].length != k) {
                throw new MetricInputException("target " + (i + 1) + " has " + ratings[i].length + " ratings, target 1 has "
                        + k);
            }
            for (int j = 0; j < k; j++) {
                double x = ratings[i][j];
                if (!Double.isFinite(x)) {
                    throw new MetricInputException("target " + (i + 1) + ", judge " + (j + 1)
                            + " has no rating; ICC needs complete data");
                }
                targetMeans[i] += x / k;
                judgeMeans[j] += x / n;
                grand += x / ((double) n * k);
            }
        }
        double total = 0;
        for (double[] row : ratings) {
            for (double x : row) {
                total += (x - grand) * (x - grand);
            }
        }
        double targets = 0;
        for (double m : targetMeans) {
            targets += k * (m - grand) * (m - grand);
        }
        double judges = 0;
        for (double m : judgeMeans) {
            judges += n * (m - grand) * (m - grand);
        }
        double bms = targets / (n - 1);
        double wms = (total - targets) / (n * (k - 1.0));
        double jms = judges / (k - 1);
        double ems = (total - targets - judges) / ((n - 1.0) * (k - 1));
        String many = Integer.toString(k);
        List<IccForm> forms = List.of(
                new IccForm("ICC(1,1)", "one-way random", "single", (bms - wms) / (bms + (k - 1) * wms)),
                new IccForm("ICC(2,1)", "two-way random", "single",
                        (bms - ems) / (bms + (k - 1) * ems + k * (jms - ems) / n)),
                new IccForm("ICC(3,1)", "two-way mixed", "single", (bms - ems) / (bms + (k - 1) * ems)),
                new IccForm("ICC(1," + many + ")", "one-way random", "average", (bms - wms) / bms),
                new IccForm("ICC(2," + many + ")", "two-way random", "average", (bms - ems) / (bms + (jms - ems) / n)),
                new IccForm("ICC(3," + many + ")", "two-way mixed", "average", (bms - ems) / bms));
        return new IccResult(forms, n, k, bms, wms, jms, ems);
    }
}
