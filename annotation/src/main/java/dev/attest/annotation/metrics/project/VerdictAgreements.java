package dev.attest.annotation.metrics.project;

import dev.attest.annotation.metrics.agreement.AgreementSummary;
import dev.attest.annotation.metrics.agreement.AlphaLevel;
import dev.attest.annotation.metrics.agreement.AlphaResult;
import dev.attest.annotation.metrics.agreement.CategoryShare;
import dev.attest.annotation.metrics.agreement.CohenKappa;
import dev.attest.annotation.metrics.agreement.FleissKappa;
import dev.attest.annotation.metrics.agreement.FleissResult;
import dev.attest.annotation.metrics.agreement.KappaResult;
import dev.attest.annotation.metrics.agreement.KappaWeighting;
import dev.attest.annotation.metrics.agreement.KrippendorffAlpha;
import dev.attest.annotation.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Agreement between reviewers on verdicts, treated as nominal categories: a table of claims × reviewers
 * holding each verdict's index (missing where a reviewer did not score the claim).
 */
final class VerdictAgreements {
    private VerdictAgreements() {
    }

    static VerdictAgreement of(List<Judgement> judgements) {
        Verdict[] verdicts = Verdict.values();
        List<String> categories = Arrays.stream(verdicts).map(Verdict::code).toList();
        TreeMap<Long, Integer> claimRow = new TreeMap<>();
        TreeMap<Long, Integer> reviewerColumn = new TreeMap<>();
        judgements.forEach(j -> claimRow.putIfAbsent(j.claim().id(), 0));
        judgements.forEach(j -> reviewerColumn.putIfAbsent(j.score().reviewerId(), 0));
        number(claimRow);
        number(reviewerColumn);
        double[][] table = new double[claimRow.size()][reviewerColumn.size()];
        for (double[] row : table) {
            Arrays.fill(row, Double.NaN);
        }
        for (Judgement j : judgements) {
            table[claimRow.get(j.claim().id())][reviewerColumn.get(j.score().reviewerId())] = j.score().verdict().ordinal();
        }

        AgreementSummary summary = AgreementSummary.of(table);
        Map<String, Double> prevalence = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            prevalence.put(v.code(), 0.0);
        }
        for (CategoryShare share : summary.prevalence()) {
            prevalence.put(verdicts[(int) share.category()].code(), share.share());
        }

        List<Long> reviewers = new ArrayList<>(reviewerColumn.keySet());
        List<PairAgreement> pairs = new ArrayList<>();
        for (int a = 0; a < reviewers.size(); a++) {
            for (int b = a + 1; b < reviewers.size(); b++) {
                double[] ra = column(table, a);
                double[] rb = column(table, b);
                if (shared(ra, rb) > 0) {
                    KappaResult k = CohenKappa.fromRatings(ra, rb, KappaWeighting.UNWEIGHTED);
                    pairs.add(new PairAgreement(reviewers.get(a), reviewers.get(b), k.units(), k.kappa(),
                            k.observedAgreement()));
                }
            }
        }

        FleissResult fleiss = null;
        List<long[]> complete = new ArrayList<>();
        if (reviewers.size() >= 2) {
            for (double[] row : table) {
                if (Arrays.stream(row).noneMatch(Double::isNaN)) {
                    long[] counts = new long[verdicts.length];
                    for (double v : row) {
                        counts[(int) v]++;
                    }
                    complete.add(counts);
                }
            }
            if (!complete.isEmpty()) {
                fleiss = FleissKappa.compute(complete.toArray(long[][]::new));
            }
        }
        AlphaResult alpha = summary.pairs() > 0 ? KrippendorffAlpha.compute(table, AlphaLevel.NOMINAL) : null;
        return new VerdictAgreement(categories, reviewers.size(), summary.percentAgreement(), summary.pairs(),
                prevalence, pairs, fleiss, complete.size(), alpha);
    }

    private static void number(TreeMap<Long, Integer> map) {
        int i = 0;
        for (var e : map.entrySet()) {
            e.setValue(i++);
        }
    }

    private static double[] column(double[][] table, int c) {
        double[] out = new double[table.length];
        for (int r = 0; r < table.length; r++) {
            out[r] = table[r][c];
        }
        return out;
    }

    private static int shared(double[] a, double[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                n++;
            }
        }
        return n;
    }
}
