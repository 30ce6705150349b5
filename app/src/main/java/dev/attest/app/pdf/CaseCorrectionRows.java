package dev.attest.app.pdf;

import dev.attest.annotation.metrics.groundtruth.BoxComparison;
import dev.attest.annotation.metrics.groundtruth.CaseGroundTruth;
import dev.attest.annotation.metrics.groundtruth.GroundTruthOptions;
import dev.attest.annotation.metrics.groundtruth.HeatmapComparison;
import dev.attest.annotation.metrics.groundtruth.MaskComparison;
import dev.attest.annotation.metrics.groundtruth.Pairing;
import dev.attest.annotation.metrics.groundtruth.SkippedComparison;
import dev.attest.annotation.metrics.segmentation.LabelMetrics;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.reports.pdf.BenchmarkSummaryPdf;
import dev.attest.reports.pdf.CaseReportData.CorrectionRow;
import dev.attest.reports.pdf.CaseReportData.Corrections;
import dev.attest.reports.pdf.ClaimRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A case's corrections against the model's evidence as the case report prints them: one row per comparison
 * (Dice and IoU of a mask, IoU of a box, the pointing game and energy of a heat map) or skipped comparison (its
 * reason code), in claim order. Blinded, only the viewing reviewer's corrections are listed, as only their
 * scores are: another reviewer's correction tells how they judged the claim.
 */
final class CaseCorrectionRows {
    private CaseCorrectionRows() {
    }

    /**
     * What the rows need from the report being assembled.
     *
     * @param claimIndex    the claim's number in the report by claim id (absent: 0)
     * @param claims        the claims table's rows, whose texts the correction rows repeat
     * @param reviewerName  a reviewer's name as the report prints it
     * @param corrections   the case's stored corrections by id
     * @param evidence      the case's evidence by id
     * @param viewer        the reviewer a blinded report is for, or null
     */
    record Context(Map<Long, Integer> claimIndex, List<ClaimRow> claims, LongFunction<String> reviewerName,
                   Map<Long, CorrectedAnnotation> corrections, Map<Long, Evidence> evidence, Long viewer) {
    }

    /** A row with what it is sorted by: the claim's number, then the correction and the evidence. */
    private record Sorted(int claimIndex, long correctionId, long evidenceId, CorrectionRow row) {
    }

    static Corrections of(CaseGroundTruth measured, GroundTruthOptions options, Context context) {
        List<Sorted> rows = new ArrayList<>();
        for (MaskComparison m : measured.masks()) {
            add(rows, m.pair(), mask(m.metrics()), context);
        }
        for (BoxComparison b : measured.boxes()) {
            add(rows, b.pair(), "box IoU " + BenchmarkSummaryPdf.number(b.scores().iou())
                    + (b.predicted() == null ? "; the model's mask lacks the label" : ""), context);
        }
        for (HeatmapComparison h : measured.heatmaps()) {
            add(rows, h.pair(), heatmap(h), context);
        }
        for (SkippedComparison s : measured.skipped()) {
            CorrectedAnnotation c = context.corrections().get(s.correctionId());
            if (c == null || context.viewer() != null && c.editorId() != context.viewer()) {
                continue;
            }
            Evidence e = s.evidenceId() == null ? null : context.evidence().get(s.evidenceId());
            Long claimId = c.claimId() != null ? c.claimId() : e == null ? null : e.claimId();
            int index = claimId == null ? 0 : context.claimIndex().getOrDefault(claimId, 0);
            rows.add(new Sorted(index, s.correctionId(), s.evidenceId() == null ? -1 : s.evidenceId(),
                    new CorrectionRow(index, claimText(index, context), correction(s.correctionKind(), c.editorId(),
                            context), e == null ? "-" : ReportWords.of(e.kind()), "not measured: " + s.reason().code())));
        }
        if (rows.isEmpty()) {
            return Corrections.NONE;
        }
        rows.sort(Comparator.comparingInt(Sorted::claimIndex).thenComparingLong(Sorted::correctionId)
                .thenComparingLong(Sorted::evidenceId));
        return new Corrections(rows.stream().map(Sorted::row).toList(), note(options));
    }

    private static void add(List<Sorted> rows, Pairing p, String result, Context context) {
        if (context.viewer() != null && p.editorId() != context.viewer()) {
            return;
        }
        int index = context.claimIndex().getOrDefault(p.claimId(), 0);
        rows.add(new Sorted(index, p.correctionId(), p.evidenceId(), new CorrectionRow(index, claimText(index, context),
                correction(p.correctionKind(), p.editorId(), context), evidenceWords(p.evidenceKind()), result)));
    }

    private static String claimText(int index, Context context) {
        return index == 0 ? "" : context.claims().get(index - 1).text();
    }

    private static String correction(String kind, long editorId, Context context) {
        return kind + " by " + context.reviewerName().apply(editorId);
    }

    /** The pairing's evidence code ("heatmap") in the report's words ("heat map"). */
    private static String evidenceWords(String code) {
        return code.equals("heatmap") ? "heat map" : code;
    }

    /** Dice and IoU, and which mask was empty when one was, since a Dice of 0 then means something else. */
    private static String mask(LabelMetrics m) {
        String values = "Dice " + BenchmarkSummaryPdf.number(m.dice()) + ", IoU " + BenchmarkSummaryPdf.number(m.iou());
        return switch (m.empty()) {
            case NEITHER -> values;
            case BOTH -> values + "; neither mask holds the label";
            case REFERENCE -> values + "; the reviewer erased the label";
            case PREDICTION -> values + "; the model's mask lacks the label";
        };
    }

    private static String heatmap(HeatmapComparison h) {
        String distance = Double.isInfinite(h.distanceMm()) ? "the reviewer's region is empty"
                : String.format(Locale.ROOT, "peak %.1f mm from the region", h.distanceMm());
        String out = "pointing " + (h.hit() ? "hit" : "miss") + " (" + distance + ")";
        if (h.energy() != null && !Double.isNaN(h.energy().fraction())) {
            out += ", energy in region " + BenchmarkSummaryPdf.number(h.energy().fraction());
        }
        return out;
    }

    private static String note(GroundTruthOptions options) {
        return "Dice and IoU compare the voxels the model's mask shows with the reviewer's corrected mask; a heat map"
                + " hits when its peak lies within " + EvidenceAgreementRows.mm(options.pointingToleranceMm())
                + " mm of the reviewer's region. Reasons for not measuring: docs/metrics.md.";
    }
}
