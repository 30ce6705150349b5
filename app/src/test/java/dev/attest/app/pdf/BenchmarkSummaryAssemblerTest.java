package dev.attest.app.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.metrics.project.ProjectMetricsReport;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.reports.pdf.BenchmarkSummaryData;
import dev.attest.reports.pdf.BenchmarkSummaryData.FailRate;
import dev.attest.reports.pdf.BenchmarkSummaryData.GroupSummary;
import dev.attest.reports.pdf.BenchmarkSummaryData.MetricRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark summary of the fixture project, every count by hand. Scores: case 1 (demo-ct-seg, Site A) ann
 * 12 correct + the lesion partially correct, ben the lesion incorrect, the liver correct, the spleen ungradable;
 * case 2 (other-seg, Site B) ann one correct, one incorrect. Missed findings: two, both in case 1.
 */
class BenchmarkSummaryAssemblerTest {
    @TempDir
    static Path dir;
    static PdfProjectFixture.Project project;

    @BeforeAll
    static void build() throws IOException {
        project = PdfProjectFixture.build(dir);
    }

    static final MetricsOptions OPTIONS = new MetricsOptions(new BootstrapOptions(400, 0.95, 5), false);

    @Test
    void countsVerdictsAndCheckFailuresByModelAndSite() {
        BenchmarkSummaryData data;
        ProjectMetricsReport metrics;
        try (ProjectStore store = Projects.openReadOnly(project.folder())) {
            metrics = ProjectMetrics.compute(store, OPTIONS);
            data = BenchmarkSummaryAssembler.assemble(store, metrics, CaseReportAssemblerTest.NOW);
        }
        int other = project.otherClaims().size();
        assertEquals(11, other, "the 40x40x16 phantom of 8 x 8 x 10 mm misses two small structures");
        assertEquals("project", data.projectName());
        assertEquals(CaseReportAssemblerTest.NOW, data.generatedAt());
        assertEquals(new BenchmarkSummaryData.Counts(2, 13 + other, 18, 2), data.counts(), "cyd never scored");
        assertEquals(List.of(new GroupSummary("demo-ct-seg", 1, 13, 16), new GroupSummary("other-seg", 1, other, 2)),
                data.models());
        assertEquals(List.of(new GroupSummary("Site A", 1, 13, 16), new GroupSummary("Site B", 1, other, 2)),
                data.sites());
        assertEquals(List.of(
                new BenchmarkSummaryData.VerdictDistribution("demo-ct-seg", verdicts(13, 1, 1, 1)),
                new BenchmarkSummaryData.VerdictDistribution("other-seg", verdicts(1, 0, 1, 0))), data.verdictsByModel());

        // Laterality is decided only for claims that name a side: the two lungs and the two kidneys in each case.
        long sidedOther = project.otherClaims().stream().map(Claim::text)
                .filter(t -> t.startsWith("right ") || t.startsWith("left ")).count();
        assertEquals(4, sidedOther);
        Map<String, FailRate> demo = rates(0, 13, 0, 4, 0, 13, 1, 13);
        Map<String, FailRate> otherRates = rates(0, other, 0, 4, 0, other, 0, other);
        assertEquals(List.of(new BenchmarkSummaryData.FailureRates("demo-ct-seg", demo),
                new BenchmarkSummaryData.FailureRates("other-seg", otherRates)), data.failuresByModel());
        // Maps compare without order, but the order is the order of the bars.
        assertEquals(List.of("existence", "laterality", "location", "size"),
                List.copyOf(data.failuresBySite().get(1).byKind().keySet()));
        assertEquals(List.of("correct", "partially correct", "incorrect", "ungradable"),
                List.copyOf(data.verdictsByModel().get(1).counts().keySet()));
        assertEquals(List.of(new BenchmarkSummaryData.FailureRates("Site A", demo),
                new BenchmarkSummaryData.FailureRates("Site B", otherRates)), data.failuresBySite());

        List<MetricRow> rows = data.metrics();
        assertEquals(List.of(
                "Claim precision (correct / gradable): 14/17",
                "Recall (correct / (correct + missed)): 14/16",
                "Evidence precision (supporting evidence / correct): 14/14",
                "Right for the wrong reason (contradicting or no evidence / correct): 0/14",
                "Evidenced hallucination (with evidence / incorrect): 2/2",
                "Share of errors: false finding: 1/3",
                "Share of errors: wrong location: 1/3",
                "Share of errors: wrong severity or size: 1/3",
                "Claim precision, demo-ct-seg: 13/15",
                "Recall, demo-ct-seg: 13/15",
                "Claim precision, other-seg: 1/2",
                "Recall, other-seg: 1/1",
                "Verdict agreement, share of reviewer pairs (3 pairs)",
                "Cohen's kappa, verdicts, ann vs ben (3 claims)",
                "Fleiss' kappa, verdicts (2 reviewers, 3 claims)",
                "Krippendorff's alpha, verdicts (nominal)"), rows.stream().map(MetricRow::name).toList());
        double[] values = {14.0 / 17, 14.0 / 16, 1, 0, 1, 1.0 / 3, 1.0 / 3, 1.0 / 3, 13.0 / 15, 13.0 / 15, 0.5, 1,
            // ann and ben share the lesion (P/I), the liver (C/C) and the spleen (C/U): 1 of 3 agree. Cohen:
            // p_e = P(C) ann 2/3 x ben 1/3 = 2/9, kappa = (1/3 - 2/9) / (7/9) = 1/7. Fleiss: P = 1/3,
            // p_j = C 1/2, P I U 1/6 each, P_e = 1/4 + 3/36 = 1/3, kappa 0. Alpha: coincidences off the
            // diagonal 4 of 6 values, expected (36 - 12) / 5 = 4.8: 1 - 5 x 4 / 24 = 1/6.
            1.0 / 3, 1.0 / 7, 0, 1.0 / 6};
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], rows.get(i).value(), 1e-12, rows.get(i).name());
        }
        // Rates carry the report's bootstrap interval; agreement carries none.
        var precisionCi = metrics.overall().claimPrecision().ci();
        assertEquals(precisionCi.lower(), rows.get(0).ciLow());
        assertEquals(precisionCi.upper(), rows.get(0).ciHigh());
        assertTrue(rows.get(0).ciLow() <= rows.get(0).value() && rows.get(0).value() <= rows.get(0).ciHigh());
        for (MetricRow agreement : rows.subList(12, 16)) {
            assertNull(agreement.ciLow(), agreement.name());
            assertNull(agreement.ciHigh(), agreement.name());
        }
        assertEquals(BenchmarkSummaryData.EvidenceAgreement.NONE, data.evidence(), "no reviewer stored a correction");
    }

    @Test
    void writesTheSummaryPdfWithTheseNumbers() throws IOException {
        Path pdf = dir.resolve("summary.pdf");
        try (ProjectStore store = Projects.openReadOnly(project.folder())) {
            PdfReports.writeBenchmarkSummary(store, OPTIONS, pdf,
                    Clock.fixed(CaseReportAssemblerTest.NOW, ZoneOffset.UTC));
        }
        PdfProjectFixture.keep(pdf, "benchmark-summary.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = CaseReportPdfFromProjectTest.collapse(new PDFTextStripper().getText(doc));
            assertEquals(3, doc.getNumberOfPages());
            assertTrue(text.startsWith("Benchmark summary: project Generated 2026-03-01 12:00 UTC by Attest development"
                    + " Overview Cases Claims Scores Reviewers 2 24 18 2 Model Cases Claims Scores demo-ct-seg 1 13 16"
                    + " other-seg 1 11 2 Site Cases Claims Scores Site A 1 13 16 Site B 1 11 2"), text);
            assertTrue(text.contains("Check \\ model demo-ct-seg other-seg existence 0/13 (0.0%) 0/11 (0.0%) laterality"
                    + " 0/4 (0.0%) 0/4 (0.0%) location 0/13 (0.0%) 0/11 (0.0%) size 1/13 (7.7%) 0/11 (0.0%)"), text);
            assertTrue(text.contains("Check \\ site Site A Site B"), text);
            assertTrue(text.contains("Claim precision (correct / gradable): 14/17 0.824 "), text);
            assertTrue(text.contains("Cohen's kappa, verdicts, ann vs ben (3 claims) 0.143 - -"), text);
            assertTrue(text.contains("Fleiss' kappa, verdicts (2 reviewers, 3 claims) 0.000 - -"), text);
            assertTrue(text.contains("Krippendorff's alpha, verdicts (nominal) 0.167 - -"), text);
            assertTrue(text.contains("Evidence against reviewers' corrections No reviewer has stored a corrected mask,"
                    + " box or point, so no model evidence was compared with one."), text);
            assertFalse(text.contains("Metric n Value"), "no empty table");
            assertTrue(text.contains("page 3 of 3"), text);
        }
    }

    @Test
    void refusesIntervalsOtherThanTheNinetyFivePercentThePdfNames() {
        try (ProjectStore store = Projects.openReadOnly(project.folder())) {
            ProjectMetricsReport metrics = ProjectMetrics.compute(store,
                    new MetricsOptions(new BootstrapOptions(100, 0.9, 5), false));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BenchmarkSummaryAssembler.assemble(store, metrics, CaseReportAssemblerTest.NOW));
            assertEquals("the benchmark summary prints 95% intervals, but the metrics were computed at 0.9", e.getMessage());
        }
    }

    private static Map<String, Integer> verdicts(int correct, int partial, int incorrect, int ungradable) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("correct", correct);
        m.put("partially correct", partial);
        m.put("incorrect", incorrect);
        m.put("ungradable", ungradable);
        return m;
    }

    private static Map<String, FailRate> rates(int existenceFailed, int existence, int lateralityFailed, int laterality,
                                               int locationFailed, int location, int sizeFailed, int size) {
        Map<String, FailRate> m = new LinkedHashMap<>();
        m.put("existence", new FailRate(existenceFailed, existence));
        m.put("laterality", new FailRate(lateralityFailed, laterality));
        m.put("location", new FailRate(locationFailed, location));
        m.put("size", new FailRate(sizeFailed, size));
        return m;
    }
}
