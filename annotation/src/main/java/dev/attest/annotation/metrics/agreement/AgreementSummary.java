package dev.attest.annotation.metrics.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The plain figures every agreement coefficient should be read with: percent agreement, the share of rater
 * pairs on the same unit who gave the same rating (pooled over units), and the prevalence of each category.
 * A high kappa on a rare category and a low kappa on a common one can hide the same percent agreement.
 *
 * @param percentAgreement agreeing pairs / all pairs of ratings on the same unit (NaN without pairs)
 * @param pairs the number of rater pairs on the same unit
 * @param ratings the number of ratings
 * @param prevalence each category's count and share of all ratings, ascending by category
 */
public record AgreementSummary(double percentAgreement, double pairs, long ratings, List<CategoryShare> prevalence) {

    public AgreementSummary {
        prevalence = List.copyOf(prevalence);
    }

    /** The summary of ratings[unit][rater], NaN = missing. */
    public static AgreementSummary of(double[][] ratings) {
        TreeMap<Double, Long> counts = new TreeMap<>();
        double pairs = 0;
        double agreeing = 0;
        long total = 0;
        for (double[] unit : ratings) {
            TreeMap<Double, Long> here = new TreeMap<>();
            long m = 0;
            for (double v : unit) {
                if (!Double.isNaN(v)) {
                    here.merge(v, 1L, Long::sum);
                    m++;
                }
            }
            total += m;
            pairs += m * (m - 1) / 2.0;
            for (var e : here.entrySet()) {
                agreeing += e.getValue() * (e.getValue() - 1) / 2.0;
                counts.merge(e.getKey(), e.getValue(), Long::sum);
            }
        }
        return new AgreementSummary(pairs == 0 ? Double.NaN : agreeing / pairs, pairs, total, shares(counts, total));
    }

    /** The summary of a Fleiss table: counts[unit][category], categories numbered from 0. */
    public static AgreementSummary ofCounts(long[][] counts) {
        TreeMap<Double, Long> totals = new TreeMap<>();
        double pairs = 0;
        double agreeing = 0;
        long total = 0;
        for (long[] unit : counts) {
            long m = 0;
            for (int c = 0; c < unit.length; c++) {
                m += unit[c];
                agreeing += unit[c] * (unit[c] - 1) / 2.0;
                totals.merge((double) c, unit[c], Long::sum);
            }
            total += m;
            pairs += m * (m - 1) / 2.0;
        }
        return new AgreementSummary(pairs == 0 ? Double.NaN : agreeing / pairs, pairs, total, shares(totals, total));
    }

    private static List<CategoryShare> shares(TreeMap<Double, Long> counts, long total) {
        List<CategoryShare> shares = new ArrayList<>();
        counts.forEach((category, count) -> shares.add(new CategoryShare(category, count, (double) count / total)));
        return shares;
    }
}
