package dev.attest.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.groundtruth.GroundTruthMetrics;
import dev.attest.annotation.metrics.groundtruth.MaskComparison;
import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.metrics.segmentation.EmptyMasks;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.metrics.project.ProjectMetricsReport;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.pdf.BenchmarkSummaryAssembler;
import dev.attest.app.pdf.CaseReportAssembler;
import dev.attest.app.pdf.CaseReportOptions;
import dev.attest.app.pdf.PdfReports;
import dev.attest.reports.pdf.BenchmarkSummaryData;
import dev.attest.reports.pdf.CaseReportData;
import dev.attest.reports.pdf.CaseReportData.CorrectionRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export tests' {@link ScoredProject} in the PDFs: its corrections include the forms the report code makes (a
 * phrase's region mask that reviewer B edited, a sentence's box that B widened) and a point with nothing derived
 * from it, which only the claim's heat map is measured against. Every comparison of case 1 reaches the case
 * report with the values the project metrics computed, and the reviewers' real names are printed as the report
 * prints them elsewhere, or hidden when blinded.
 */
class ScoredProjectPdfTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final MetricsOptions OPTIONS = new MetricsOptions(new BootstrapOptions(200, 0.95, 9), false);

    @TempDir
    static Path dir;
    static ScoredProject project;
    static ProjectMetricsReport metrics;
    static long case1;

    @BeforeAll
    static void build() throws Exception {
        project = new ScoredProject(dir);
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            metrics = ProjectMetrics.compute(store, OPTIONS);
        }
        case1 = project.disputed.caseId();
    }

    private static CaseReportData report(CaseReportOptions options) {
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            return CaseReportAssembler.assemble(store, case1, options, NOW);
        }
    }

    private static String three(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Test
    void everyComparisonOfTheCaseIsListedWithTheMetricsValues() {
        GroundTruthMetrics gt = metrics.groundTruth();
        List<CorrectionRow> rows = report(CaseReportOptions.unblinded(0)).corrections().rows();
        // A's edited mask against the mask and the heat map, B's region edit, B's box, A's point against the
        // heat map: five comparisons, nothing skipped. The disputed claim is the right lung, which lies wholly in
        // the half A erased: her mask is empty, so the heat map has no region to hit.
        assertEquals(List.of(), gt.skipped());
        assertEquals(gt.masks().size() + gt.boxes().size() + gt.heatmaps().size(), rows.size());
        assertEquals(5, rows.size());
        for (MaskComparison m : gt.masks()) {
            String name = m.pair().editorId() == reviewer(ScoredProject.REVIEWER_A) ? ScoredProject.REVIEWER_A
                    : ScoredProject.REVIEWER_B;
            String result = "Dice " + three(m.metrics().dice()) + ", IoU " + three(m.metrics().iou())
                    + (m.metrics().empty() == EmptyMasks.REFERENCE ? "; the reviewer erased the label" : "");
            assertTrue(rows.stream().anyMatch(r -> r.correction().equals("mask by " + name) && r.evidence().equals("mask")
                    && r.result().equals(result)), result + " by " + name + " in " + rows);
        }
        assertTrue(gt.masks().stream().anyMatch(m -> m.labels().region()), "the phrase's region mask was measured");
        assertTrue(rows.contains(new CorrectionRow(index(project.disputed), project.disputed.text(),
                "mask by " + ScoredProject.REVIEWER_A, "heat map",
                "pointing miss (the reviewer's region is empty), energy in region 0.000")), rows.toString());
        CorrectionRow phrase = rows.stream().filter(r -> r.claim().equals("the left part of the liver")).findFirst()
                .orElseThrow();
        assertEquals("mask by " + ScoredProject.REVIEWER_B, phrase.correction());
        var box = gt.boxes().get(0);
        assertTrue(rows.contains(new CorrectionRow(index(project.sentence), project.sentence.text(),
                "box by " + ScoredProject.REVIEWER_B, "box", "box IoU " + three(box.scores().iou()))), rows.toString());
        // The point has no derived-from evidence: only the claim's heat map is measured, and a point has no energy.
        CorrectionRow point = rows.stream().filter(r -> r.correction().startsWith("point by")).findFirst().orElseThrow();
        assertEquals("heat map", point.evidence());
        assertTrue(point.result().matches("pointing (hit|miss) \\(peak \\d+\\.\\d mm from the region\\)"), point.result());
    }

    @Test
    void blindedForBTheCaseReportHasOnlyBsCorrectionsAndNeverNamesA() throws Exception {
        CaseReportData b = report(CaseReportOptions.blindedFor(ScoredProject.REVIEWER_B, 0));
        assertEquals(List.of("box by " + ScoredProject.REVIEWER_B, "mask by " + ScoredProject.REVIEWER_B),
                b.corrections().rows().stream().map(CorrectionRow::correction).sorted().toList());
        Path pdf = dir.resolve("blinded-b.pdf");
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            PdfReports.writeCaseReport(store, case1, CaseReportOptions.blindedFor(ScoredProject.REVIEWER_B, 0), pdf,
                    Clock.fixed(NOW, ZoneOffset.UTC), dev.attest.core.progress.ProgressListener.NONE,
                    new dev.attest.core.progress.Cancellation());
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Reviewers' corrections against the model's evidence (2)"), text);
            assertTrue(text.contains("box by " + ScoredProject.REVIEWER_B), text);
            assertFalse(text.contains("Vankrijgen"), text);
            assertFalse(text.contains("demo-ct-seg"), text);
        }
    }

    @Test
    void theSummaryCountsTheProjectsComparisonsByModelAndSite() throws Exception {
        BenchmarkSummaryData data;
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            data = BenchmarkSummaryAssembler.assemble(store, metrics, NOW);
        }
        BenchmarkSummaryData.CorrectionGroup model = data.evidence().byModel().get(0);
        assertEquals("demo-ct-seg", model.name());
        var s = metrics.groundTruth().strata().get("model").get("demo-ct-seg");
        assertEquals(List.of(s.masks().comparisons(), s.boxes().comparisons(), s.heatmaps().comparisons()),
                List.of(model.masks(), model.boxes(), model.heatmaps()));
        assertEquals(List.of(2, 1, 2), List.of(model.masks(), model.boxes(), model.heatmaps()));
        assertEquals(s.masks().dice().value(), model.metrics().get(0).value());
        assertEquals(List.of("Hospital Alpha"), data.evidence().bySite().stream()
                .map(BenchmarkSummaryData.CorrectionGroup::name).toList(), "case 2 has no correction");
    }

    private static long reviewer(String name) {
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            return store.reviewers().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().id();
        }
    }

    private static int index(Claim claim) {
        try (ProjectStore store = Projects.openReadOnly(project.folder)) {
            return store.claims(claim.caseId()).stream().map(Claim::id).toList().indexOf(claim.id()) + 1;
        }
    }
}
