package dev.attest.app.pdf;

import dev.attest.annotation.metrics.bootstrap.ConfidenceInterval;
import dev.attest.annotation.metrics.bootstrap.Estimate;
import dev.attest.annotation.metrics.project.ClaimMetrics;
import dev.attest.annotation.metrics.project.PairAgreement;
import dev.attest.annotation.metrics.project.ProjectMetricsReport;
import dev.attest.annotation.metrics.project.VerdictAgreement;
import dev.attest.annotation.model.ErrorType;
import dev.attest.reports.pdf.BenchmarkSummaryData.MetricRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metric table of the benchmark summary, from a project's metrics: each rate over the whole project with
 * its numerator and denominator in the name (a rate alone hides how many scores it rests on) and its bootstrap
 * interval, the error-type shares, claim precision and recall per model, then reviewer agreement on verdicts
 * (which has no interval). Definitions are those of docs/metrics.md.
 */
final class MetricRows {
    private MetricRows() {
    }

    static List<MetricRow> of(ProjectMetricsReport report) {
        List<MetricRow> rows = new ArrayList<>();
        ClaimMetrics all = report.overall();
        rows.add(rate("Claim precision (correct / gradable)", all.claimPrecision()));
        rows.add(rate("Recall (correct / (correct + missed))", all.recall()));
        rows.add(rate("Evidence precision (supporting evidence / correct)", all.evidencePrecision()));
        rows.add(rate("Right for the wrong reason (contradicting or no evidence / correct)", all.rightForWrongReason()));
        rows.add(rate("Evidenced hallucination (with evidence / incorrect)", all.evidencedHallucination()));
        all.errorTypes().forEach((type, share) -> {
            if (share.numerator() > 0) {
                rows.add(rate("Share of errors: " + errorWords(type), share));
            }
        });
        Map<String, ClaimMetrics> byModel = report.strata().getOrDefault("model", Map.of());
        byModel.forEach((model, m) -> {
            rows.add(rate("Claim precision, " + model, m.claimPrecision()));
            rows.add(rate("Recall, " + model, m.recall()));
        });
        agreement(rows, all.agreement(), report.reviewers());
        return rows;
    }

    private static void agreement(List<MetricRow> rows, VerdictAgreement a, Map<Long, String> reviewers) {
        if (a == null || a.pairs() == 0) {
            return;
        }
        rows.add(new MetricRow("Verdict agreement, share of reviewer pairs (" + count(a.pairs()) + " pairs)",
                a.percentAgreement(), null, null));
        for (PairAgreement p : a.cohen()) {
            rows.add(new MetricRow("Cohen's kappa, verdicts, " + reviewers.getOrDefault(p.reviewerA(), "#" + p.reviewerA())
                    + " vs " + reviewers.getOrDefault(p.reviewerB(), "#" + p.reviewerB()) + " (" + p.claims() + " claims)",
                    p.kappa(), null, null));
        }
        if (a.fleiss() != null) {
            rows.add(new MetricRow("Fleiss' kappa, verdicts (" + a.reviewers() + " reviewers, " + a.fleissClaims()
                    + " claims)", a.fleiss().kappa(), null, null));
        }
        if (a.alpha() != null) {
            rows.add(new MetricRow("Krippendorff's alpha, verdicts (nominal)", a.alpha().alpha(), null, null));
        }
    }

    /** "Claim precision (correct / gradable): 5/6" with its interval; an interval with no valid resample is none. */
    static MetricRow rate(String name, Estimate e) {
        return new MetricRow(name + ": " + count(e.numerator()) + "/" + count(e.denominator()), e.value(), low(e),
                high(e));
    }

    /** The interval's lower bound as the tables print it: null when no resample gave one. */
    static Double low(Estimate e) {
        return hasInterval(e) ? e.ci().lower() : null;
    }

    /** The interval's upper bound, null exactly when {@link #low} is. */
    static Double high(Estimate e) {
        return hasInterval(e) ? e.ci().upper() : null;
    }

    private static boolean hasInterval(Estimate e) {
        ConfidenceInterval ci = e.ci();
        return ci != null && ci.validResamples() > 0 && !Double.isNaN(ci.lower()) && !Double.isNaN(ci.upper());
    }

    private static String errorWords(String code) {
        for (ErrorType t : ErrorType.values()) {
            if (t.code().equals(code)) {
                return ReportWords.of(t);
            }
        }
        return code;
    }

    /** Counts are whole; a fractional one (never expected) keeps its decimals rather than being rounded away. */
    private static String count(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
