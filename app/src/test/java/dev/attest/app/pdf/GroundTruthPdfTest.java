package dev.attest.app.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.metrics.bootstrap.Estimate;
import dev.attest.annotation.metrics.groundtruth.GroundTruthSummary;
import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.metrics.project.ProjectMetricsReport;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.reports.pdf.BenchmarkSummaryData;
import dev.attest.reports.pdf.BenchmarkSummaryData.CorrectionGroup;
import dev.attest.reports.pdf.BenchmarkSummaryData.MeanRow;
import dev.attest.reports.pdf.CaseReportData;
import dev.attest.reports.pdf.CaseReportData.CorrectionRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model evidence against reviewers' corrections in both PDFs, on {@link CorrectedPdfProject}: the summary's means
 * are the project metrics' own, with their intervals, and also the values the fixture's edits give by hand; the
 * case report lists each comparison of the case, and only the viewing reviewer's when blinded.
 */
class GroundTruthPdfTest {
    @TempDir
    static Path dir;
    static CorrectedPdfProject project;
    static ProjectMetricsReport metrics;
    static BenchmarkSummaryData summary;

    @BeforeAll
    static void build() throws IOException {
        project = CorrectedPdfProject.build(dir);
        try (ProjectStore store = Projects.openReadOnly(project.base().folder())) {
            metrics = ProjectMetrics.compute(store, BenchmarkSummaryAssemblerTest.OPTIONS);
            summary = BenchmarkSummaryAssembler.assemble(store, metrics, CaseReportAssemblerTest.NOW);
        }
    }

    /** The PDFs' three decimals, written out here rather than taken from the code under test. */
    private static String three(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    @Test
    void everyMeanIsTheProjectMetricsOwnWithItsInterval() {
        BenchmarkSummaryData.EvidenceAgreement e = summary.evidence();
        assertEquals("Surface Dice at 1 mm; HD95 = Hausdorff distance, percentile 95; a heat map hits when its peak"
                + " lies within 5 mm of the reviewer's region.", e.settings());
        assertEquals(List.of("demo-ct-seg", "other-seg"), e.byModel().stream().map(CorrectionGroup::name).toList());
        assertEquals(List.of("Site A", "Site B"), e.bySite().stream().map(CorrectionGroup::name).toList());
        for (String dimension : List.of("model", "site")) {
            List<CorrectionGroup> groups = dimension.equals("model") ? e.byModel() : e.bySite();
            for (CorrectionGroup g : groups) {
                GroundTruthSummary s = metrics.groundTruth().strata().get(dimension).get(g.name());
                List<Object[]> expected = new ArrayList<>();
                if (s.masks().comparisons() > 0) {
                    expected.add(new Object[] {"Mask Dice", s.masks().dice(), true});
                    expected.add(new Object[] {"Mask IoU", s.masks().iou(), true});
                    expected.add(new Object[] {"Mask HD95 (mm)", s.masks().hausdorff95(), false});
                    expected.add(new Object[] {"Mask surface Dice at 1 mm", s.masks().surfaceDice(), true});
                }
                if (s.boxes().comparisons() > 0) {
                    expected.add(new Object[] {"Box IoU", s.boxes().iou(), true});
                    expected.add(new Object[] {"Box pixel precision", s.boxes().pixelPrecision(), true});
                    expected.add(new Object[] {"Box pixel recall", s.boxes().pixelRecall(), true});
                }
                if (s.heatmaps().comparisons() > 0) {
                    expected.add(new Object[] {"Heat-map pointing game (hit rate)", s.heatmaps().pointingGame(), true});
                    expected.add(new Object[] {"Heat-map energy in region", s.heatmaps().energyInRegion(), true});
                }
                assertEquals(expected.size(), g.metrics().size(), g.name());
                for (int i = 0; i < expected.size(); i++) {
                    Estimate est = (Estimate) expected.get(i)[1];
                    MeanRow row = g.metrics().get(i);
                    assertEquals(new MeanRow((String) expected.get(i)[0], (int) est.denominator(), est.value(),
                            est.ci().lower(), est.ci().upper(), (boolean) expected.get(i)[2]), row, g.name());
                }
                assertEquals(s.cases(), g.cases());
                assertEquals(s.corrections(), g.corrections());
                assertEquals(s.masks().empty(), g.emptyMasks());
                assertEquals(s.skipped(), g.skipped().values().stream().mapToInt(Integer::intValue).sum());
            }
        }
    }

    @Test
    void theMeansAreWhatTheEditsGiveByHand() {
        long n = project.lesionVoxels();
        long k = project.keptVoxels();
        long w = project.lesionWidth();
        assertTrue(k > 0 && k < n, k + " of " + n);
        CorrectionGroup demo = summary.evidence().byModel().get(0);
        // The lesion: ann kept k of its n voxels (Dice 2k/(n+k), IoU k/n); the spleen: ben erased it (Dice 0, and
        // no HD95: the reviewer's mask has no surface).
        assertEquals((2.0 * k / (n + k)) / 2, value(demo, "Mask Dice"), 1e-12);
        assertEquals(((double) k / n) / 2, value(demo, "Mask IoU"), 1e-12);
        assertEquals(1, row(demo, "Mask HD95 (mm)").n());
        // The lesion's box against ann's, one voxel wider at both x ends: IoU = recall = w / (w + 2).
        assertEquals((double) w / (w + 2), value(demo, "Box IoU"), 1e-12);
        assertEquals(1.0, value(demo, "Box pixel precision"), 1e-12);
        assertEquals((double) w / (w + 2), value(demo, "Box pixel recall"), 1e-12);
        // The heat map peaks on a voxel ann kept, inside her box too; 5 of its 6 units lie there.
        assertEquals(1.0, value(demo, "Heat-map pointing game (hit rate)"), 1e-12);
        assertEquals(2, row(demo, "Heat-map pointing game (hit rate)").n());
        assertEquals(5.0 / 6, value(demo, "Heat-map energy in region"), 1e-12);
        assertEquals(List.of(1, 3, 2, 1, 2), List.of(demo.cases(), demo.corrections(), demo.masks(), demo.boxes(),
                demo.heatmaps()));
        assertEquals(counts("neither", 1, "both", 0, "reference", 1, "prediction", 0), demo.emptyMasks());
        assertEquals(List.of("neither", "both", "reference", "prediction"), List.copyOf(demo.emptyMasks().keySet()));
        assertEquals(0, demo.boxesWithoutModelBox());
        assertEquals(List.of("no_comparable_evidence", "bad_geometry"), List.copyOf(demo.skipped().keySet()));
        assertEquals(counts("no_comparable_evidence", 1, "bad_geometry", 1), demo.skipped());

        CorrectionGroup other = summary.evidence().byModel().get(1);
        assertEquals(List.of("Mask Dice", "Mask IoU", "Mask HD95 (mm)", "Mask surface Dice at 1 mm"),
                other.metrics().stream().map(MeanRow::name).toList());
        assertEquals(List.of(1.0, 1.0, 0.0, 1.0), other.metrics().stream().map(MeanRow::value).toList());
        assertEquals(Map.of(), other.skipped());

        // One model per site here, so the site tables are the model tables under another name.
        assertEquals(demo.metrics(), summary.evidence().bySite().get(0).metrics());
        assertEquals(other.metrics(), summary.evidence().bySite().get(1).metrics());
    }

    @Test
    void theSummaryPdfPrintsEachMeanWithItsIntervalAndTheCountsBehindIt() throws IOException {
        Path pdf = dir.resolve("summary.pdf");
        try (ProjectStore store = Projects.openReadOnly(project.base().folder())) {
            PdfReports.writeBenchmarkSummary(store, BenchmarkSummaryAssemblerTest.OPTIONS, pdf,
                    CaseReportPdfFromProjectTest.CLOCK);
        }
        PdfProjectFixture.keep(pdf, "benchmark-summary-corrections.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = CaseReportPdfFromProjectTest.collapse(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("Evidence against reviewers' corrections Each correction is compared with"), text);
            assertTrue(text.contains("Evidence against corrections by model (mean, 95% CI)"), text);
            assertTrue(text.contains("Model: demo-ct-seg 1 case, 3 corrections; 2 mask, 1 box and 2 heat-map"
                    + " comparisons Metric n Value 95% CI low 95% CI high"), text);
            assertTrue(text.contains("Model: other-seg 1 case, 1 correction; 1 mask comparison Metric n Value"), text);
            assertTrue(text.contains("Site: Site A 1 case, 3 corrections;"), text);
            for (String dimension : List.of("model", "site")) {
                metrics.groundTruth().strata().get(dimension).forEach((name, s) -> {
                    Map<String, Estimate> rows = new LinkedHashMap<>();
                    rows.put("Mask Dice", s.masks().dice());
                    rows.put("Mask HD95 (mm)", s.masks().hausdorff95());
                    if (s.boxes().comparisons() > 0) {
                        rows.put("Box IoU", s.boxes().iou());
                        rows.put("Heat-map energy in region", s.heatmaps().energyInRegion());
                    }
                    rows.forEach((metric, est) -> {
                        String line = metric + " " + (int) est.denominator() + " " + three(est.value()) + " "
                                + three(est.ci().lower()) + " " + three(est.ci().upper());
                        assertTrue(text.contains(line), name + ": " + line + " in " + text);
                    });
                });
            }
            assertTrue(text.contains("Empty masks: neither 1, both 0, reference 1, prediction 0. Boxes without a model"
                    + " box (its mask lacked the label): 0. Skipped: no_comparable_evidence 1, bad_geometry 1."), text);
            assertTrue(text.contains("Empty masks: neither 1, both 0, reference 0, prediction 0. Skipped: none."), text);
        }
    }

    @Test
    void theCaseReportListsEachComparisonOfTheCase() {
        CaseReportData data = assemble(project.base().caseId(), CaseReportOptions.unblinded(0));
        int lesion = index(data, "liver lesion");
        int liver = index(data, "liver");
        int spleen = index(data, "spleen");
        assertEquals(PdfProjectFixture.LIVER_EDIT_2, data.claims().get(liver - 1).text());
        List<CorrectionRow> expected = new ArrayList<>(List.of(
                lesionRow(data, lesion, "mask by ann", "mask", dice()),
                lesionRow(data, lesion, "mask by ann", "heat map", HEAT),
                lesionRow(data, lesion, "box by ann", "mask", "box IoU " + three(boxIou())),
                lesionRow(data, lesion, "box by ann", "heat map", HEAT),
                new CorrectionRow(liver, PdfProjectFixture.LIVER_EDIT_2, "point by ben", "mask",
                        "not measured: no_comparable_evidence"),
                new CorrectionRow(liver, PdfProjectFixture.LIVER_EDIT_2, "box by ann", "mask",
                        "not measured: bad_geometry"),
                new CorrectionRow(spleen, data.claims().get(spleen - 1).text(), "mask by ben", "mask",
                        "Dice 0.000, IoU 0.000; the reviewer erased the label")));
        expected.sort(java.util.Comparator.comparingInt(CorrectionRow::claimIndex));
        assertEquals(expected, data.corrections().rows());
        assertEquals("Dice and IoU compare the voxels the model's mask shows with the reviewer's corrected mask; a"
                + " heat map hits when its peak lies within 5 mm of the reviewer's region. Reasons for not measuring:"
                + " docs/metrics.md.", data.corrections().note());

        CaseReportData other = assemble(project.base().otherCaseId(),
                CaseReportOptions.unblinded(0));
        assertEquals(List.of(new CorrectionRow(1, other.claims().get(0).text(), "mask by ann", "mask",
                "Dice 1.000, IoU 1.000")), other.corrections().rows());
    }

    @Test
    void aBlindedCaseReportListsOnlyTheViewersCorrections() {
        List<CorrectionRow> all = assemble(project.base().caseId(), CaseReportOptions.unblinded(0)).corrections().rows();
        CaseReportData ann = assemble(project.base().caseId(), CaseReportOptions.blindedFor("ann", 0));
        int liver = index(ann, "liver");
        assertEquals(all.stream().filter(r -> r.correction().endsWith(" by ann")).map(r -> r.result()).toList(),
                ann.corrections().rows().stream().map(CorrectionRow::result).toList());
        assertEquals(5, ann.corrections().rows().size());
        // ben's edit of the liver's text is hidden from ann, so her row repeats the model's text.
        assertEquals(project.base().claim("liver").text(), ann.corrections().rows().stream()
                .filter(r -> r.claimIndex() == liver).findFirst().orElseThrow().claim());
        CaseReportData ben = assemble(project.base().caseId(), CaseReportOptions.blindedFor("ben", 0));
        assertEquals(all.stream().filter(r -> r.correction().endsWith(" by ben")).toList(), ben.corrections().rows());
        assertEquals(2, ben.corrections().rows().size());
        CaseReportData cyd = assemble(project.base().caseId(), CaseReportOptions.blindedFor("cyd", 0));
        assertEquals(CaseReportData.Corrections.NONE, cyd.corrections());
    }

    @Test
    void theCaseReportPdfPrintsTheTableAndTheBlindedOneHidesOtherReviewers() throws IOException {
        Path pdf = dir.resolve("case.pdf");
        CaseReportData data;
        try (ProjectStore store = Projects.openReadOnly(project.base().folder())) {
            data = PdfReports.writeCaseReport(store, project.base().caseId(), CaseReportOptions.unblinded(4), pdf,
                    CaseReportPdfFromProjectTest.CLOCK, dev.attest.core.progress.ProgressListener.NONE,
                    new dev.attest.core.progress.Cancellation());
        }
        PdfProjectFixture.keep(pdf, "case-report-corrections.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<CorrectionRow> rows = data.corrections().rows();
            assertEquals(join(rows.stream().map(r -> Integer.toString(r.claimIndex())).toList()),
                    ClaimsTableText.correctionColumn(doc, 0));
            assertEquals(join(rows.stream().map(CorrectionRow::claim).toList()), ClaimsTableText.correctionColumn(doc, 1));
            assertEquals(join(rows.stream().map(CorrectionRow::correction).toList()),
                    ClaimsTableText.correctionColumn(doc, 2));
            assertEquals(join(rows.stream().map(CorrectionRow::evidence).toList()),
                    ClaimsTableText.correctionColumn(doc, 3));
            assertEquals(join(rows.stream().map(CorrectionRow::result).toList()), ClaimsTableText.correctionColumn(doc, 4));
            assertTrue(ClaimsTableText.correctionColumn(doc, 4).contains(dice() + " " + HEAT + " box IoU "), "");
            // The claims table still ends where it did: the new section is not read as part of it.
            assertEquals(join(data.claims().stream().map(r -> r.note().isEmpty() ? r.text()
                    : r.text() + " " + r.note()).toList()), ClaimsTableText.column(doc, 1));
            String text = CaseReportPdfFromProjectTest.collapse(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("Reviewers' corrections against the model's evidence (7)"), text);
        }

        Path blinded = dir.resolve("case-blinded.pdf");
        try (ProjectStore store = Projects.openReadOnly(project.base().folder())) {
            PdfReports.writeCaseReport(store, project.base().caseId(), CaseReportOptions.blindedFor("ann", 4), blinded,
                    CaseReportPdfFromProjectTest.CLOCK, dev.attest.core.progress.ProgressListener.NONE,
                    new dev.attest.core.progress.Cancellation());
        }
        PdfProjectFixture.keep(blinded, "case-report-corrections-blinded.pdf");
        try (PDDocument doc = Loader.loadPDF(blinded.toFile())) {
            String text = CaseReportPdfFromProjectTest.collapse(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("Reviewers' corrections against the model's evidence (5)"), text);
            for (String hidden : List.of("ben", "the reviewer erased the label", "no_comparable_evidence",
                    "demo-ct-seg")) {
                assertFalse(text.contains(hidden), "'" + hidden + "' in a report blinded for ann: " + text);
            }
            assertEquals(String.join(" ", java.util.Collections.nCopies(5, "by ann")),
                    ClaimsTableText.correctionColumn(doc, 2).replaceAll("(mask|box) by ann", "by ann"));
        }
    }

    private static CaseReportData assemble(long caseId, CaseReportOptions options) {
        try (ProjectStore store = Projects.openReadOnly(project.base().folder())) {
            return CaseReportAssembler.assemble(store, caseId, options, CaseReportAssemblerTest.NOW);
        }
    }

    private static final String HEAT = "pointing hit (peak 0.0 mm from the region), energy in region 0.833";

    private static String dice() {
        long n = project.lesionVoxels();
        long k = project.keptVoxels();
        return "Dice " + three(2.0 * k / (n + k)) + ", IoU " + three((double) k / n);
    }

    private static double boxIou() {
        return (double) project.lesionWidth() / (project.lesionWidth() + 2);
    }

    private static CorrectionRow lesionRow(CaseReportData data, int index, String correction, String evidence,
                                           String result) {
        return new CorrectionRow(index, data.claims().get(index - 1).text(), correction, evidence, result);
    }

    /** The claim's number in the report: its place among the case's claims in id order. */
    private static int index(CaseReportData data, String label) {
        Claim claim = project.base().claim(label);
        List<Long> ids;
        try (ProjectStore store = Projects.openReadOnly(project.base().folder())) {
            ids = store.claims(project.base().caseId()).stream().map(Claim::id).toList();
        }
        int index = ids.indexOf(claim.id()) + 1;
        assertTrue(index > 0 && index <= data.claims().size(), label);
        return index;
    }

    private static MeanRow row(CorrectionGroup g, String name) {
        return g.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + g.metrics()));
    }

    private static double value(CorrectionGroup g, String name) {
        return row(g, name).value();
    }

    private static Map<String, Integer> counts(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    private static String join(List<String> cells) {
        return String.join(" ", cells);
    }
}
