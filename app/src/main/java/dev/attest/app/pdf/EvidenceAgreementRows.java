package dev.attest.app.pdf;

import dev.attest.annotation.metrics.Strata;
import dev.attest.annotation.metrics.bootstrap.Estimate;
import dev.attest.annotation.metrics.groundtruth.BoxSummary;
import dev.attest.annotation.metrics.groundtruth.GroundTruthMetrics;
import dev.attest.annotation.metrics.groundtruth.GroundTruthOptions;
import dev.attest.annotation.metrics.groundtruth.GroundTruthSummary;
import dev.attest.annotation.metrics.groundtruth.HeatmapSummary;
import dev.attest.annotation.metrics.groundtruth.MaskSummary;
import dev.attest.annotation.metrics.groundtruth.SkipReason;
import dev.attest.annotation.metrics.groundtruth.SkippedComparison;
import dev.attest.annotation.metrics.project.ProjectMetricsReport;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.reports.pdf.BenchmarkSummaryData.CorrectionGroup;
import dev.attest.reports.pdf.BenchmarkSummaryData.EvidenceAgreement;
import dev.attest.reports.pdf.BenchmarkSummaryData.MeanRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The summary's section on model evidence against reviewers' corrections, from the ground-truth part of a
 * project's metrics: per model and per site, each mean with the comparisons it rests on and its bootstrap
 * interval, the empty-mask counts and the skipped comparisons by reason. Groups and values are those of
 * {@link GroundTruthMetrics#strata()}; only the skips are counted here, since the summaries keep just their total.
 */
final class EvidenceAgreementRows {
    private EvidenceAgreementRows() {
    }

    /**
     * @param cases the project's cases by id, to place a skipped comparison in its site
     * @return {@link EvidenceAgreement#NONE} when no correction was compared or skipped
     */
    static EvidenceAgreement of(ProjectMetricsReport report, Map<Long, ReviewCase> cases) {
        GroundTruthMetrics gt = report.groundTruth();
        GroundTruthOptions options = report.options().groundTruth();
        if (gt == null || gt.strata().values().stream().allMatch(Map::isEmpty)) {
            return EvidenceAgreement.NONE;
        }
        Function<SkippedComparison, String> site = s -> Strata.ofCase(cases.get(s.caseId()), "site");
        return new EvidenceAgreement(settings(options),
                groups(gt.strata().getOrDefault("model", Map.of()), gt.skipped(), SkippedComparison::model, options),
                groups(gt.strata().getOrDefault("site", Map.of()), gt.skipped(), site, options));
    }

    private static List<CorrectionGroup> groups(Map<String, GroundTruthSummary> stratum,
            List<SkippedComparison> skipped, Function<SkippedComparison, String> key, GroundTruthOptions options) {
        List<CorrectionGroup> out = new ArrayList<>();
        stratum.forEach((name, summary) -> out.add(group(name, summary,
                skipped.stream().filter(s -> name.equals(key.apply(s))).toList(), options)));
        return out;
    }

    static CorrectionGroup group(String name, GroundTruthSummary s, List<SkippedComparison> skipped,
            GroundTruthOptions options) {
        List<MeanRow> rows = new ArrayList<>();
        MaskSummary masks = s.masks();
        if (masks.comparisons() > 0) {
            rows.add(mean("Mask Dice", masks.dice(), true));
            rows.add(mean("Mask IoU", masks.iou(), true));
            rows.add(mean("Mask " + hausdorff(options) + " (mm)", masks.hausdorff95(), false));
            rows.add(mean("Mask surface Dice at " + mm(options.surfaceToleranceMm()) + " mm", masks.surfaceDice(), true));
        }
        BoxSummary boxes = s.boxes();
        if (boxes.comparisons() > 0) {
            rows.add(mean("Box IoU", boxes.iou(), true));
            rows.add(mean("Box pixel precision", boxes.pixelPrecision(), true));
            rows.add(mean("Box pixel recall", boxes.pixelRecall(), true));
        }
        HeatmapSummary heatmaps = s.heatmaps();
        if (heatmaps.comparisons() > 0) {
            rows.add(mean("Heat-map pointing game (hit rate)", heatmaps.pointingGame(), true));
            rows.add(mean("Heat-map energy in region", heatmaps.energyInRegion(), true));
        }
        // Reasons in the enum's order (from "nothing to compare" to "the metric refused"), so tables line up.
        Map<SkipReason, Integer> byReason = new EnumMap<>(SkipReason.class);
        skipped.forEach(k -> byReason.merge(k.reason(), 1, Integer::sum));
        Map<String, Integer> reasons = new LinkedHashMap<>();
        byReason.forEach((reason, n) -> reasons.put(reason.code(), n));
        return new CorrectionGroup(name, s.cases(), s.corrections(), masks.comparisons(), boxes.comparisons(),
                heatmaps.comparisons(), rows, masks.comparisons() > 0 ? masks.empty() : Map.of(),
                boxes.emptyPredictions(), reasons);
    }

    private static MeanRow mean(String name, Estimate e, boolean zeroToOne) {
        return new MeanRow(name, (int) e.denominator(), e.value(), MetricRows.low(e), MetricRows.high(e), zeroToOne);
    }

    /** "HD95" for the 95th percentile, as docs and papers name it; "HD90" and so on otherwise. */
    static String hausdorff(GroundTruthOptions options) {
        return "HD" + mm(options.hausdorffPercentile());
    }

    /** How the comparisons were made, in the words the section prints. */
    static String settings(GroundTruthOptions options) {
        return "Surface Dice at " + mm(options.surfaceToleranceMm()) + " mm; " + hausdorff(options) + " = Hausdorff distance,"
                + " percentile " + mm(options.hausdorffPercentile()) + "; a heat map hits when its peak"
                + " lies within " + mm(options.pointingToleranceMm()) + " mm of the reviewer's region.";
    }

    /** 1, 2.5, 0.25: a setting as the user typed it, without trailing zeros. */
    static String mm(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
