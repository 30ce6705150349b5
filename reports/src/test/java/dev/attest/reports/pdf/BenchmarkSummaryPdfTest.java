package dev.attest.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkSummaryPdfTest {

    @TempDir
    Path dir;

    @Test
    void drawsChartsAsVectorsWithLabelsCountsAndTheMetricTable() throws IOException {
        BenchmarkSummaryData data = PdfFixtures.benchmark();
        Path pdf = dir.resolve("summary.pdf");
        BenchmarkSummaryPdf.write(data, pdf);
        PdfFixtures.preview(pdf, "benchmark-summary");

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertEquals(3, pages, "the third holds the sentence that there are no corrections");
            assertEquals("Benchmark summary: Chest CT pilot 2025", doc.getDocumentInformation().getTitle());
            assertEquals("Attest", doc.getDocumentInformation().getProducer());
            for (PDPage page : doc.getPages()) {
                // Charts are paths, not pictures: no page carries an image.
                for (COSName name : page.getResources().getXObjectNames()) {
                    assertTrue(!page.getResources().isImageXObject(name), "image XObject " + name);
                }
            }
            String text = PdfText.all(doc);
            assertTrue(text.contains("page 1 of 3"), text);
            assertTrue(text.contains("Cases Claims Scores Reviewers 40 205 411 3"), text);
            assertTrue(text.contains("Verdicts by model"), text);
            // Legend entries, value labels on bars, and the y ticks of the count axis (max 112 -> 0..125 by 25).
            assertTrue(text.contains("correct partially correct incorrect ungradable"), text);
            assertTrue(text.contains("112"), text);
            assertTrue(text.contains("0 25 50 75 100 125"), text);
            // Failure-rate axes run 0..100 % in steps of 20, and the tables carry the counts behind the bars.
            assertTrue(text.contains("0% 20% 40% 60% 80% 100%"), text);
            assertTrue(text.contains("laterality 3/40 (7.5%) 9/38 (23.7%) 4/20 (20.0%)"), text);
            assertTrue(text.contains("Check \\ site Site A Site B (Basel) laterality 7/50 (14.0%) 9/48 (18.8%)"), text);
            assertTrue(text.contains("location 4/22 (18.2%) 4/18 (22.2%)"), text);
            assertTrue(text.contains("Claim precision (correct / gradable) 0.639 0.590 0.687"), text);
            assertTrue(text.contains("Dice, liver mask vs reviewer 0.951 - -"), text);
        }
    }

    @Test
    void printsEvidenceAgainstCorrectionsAsAChartWithIntervalsAndOneTablePerGroup() throws IOException {
        Path pdf = dir.resolve("evidence.pdf");
        BenchmarkSummaryPdf.write(PdfFixtures.benchmarkWithEvidence(), pdf);
        PdfFixtures.preview(pdf, "benchmark-summary-evidence");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = PdfText.all(doc);
            assertTrue(text.contains("Evidence against reviewers' corrections Each correction is compared"), text);
            assertTrue(text.contains("Surface Dice at 1 mm; a heat map hits within 5 mm."), text);
            // The chart's values to two decimals; a model without box or heat-map comparisons shows n/a there.
            assertTrue(text.contains("Evidence against corrections by model (mean, 95% CI)"), text);
            assertTrue(text.contains("0.81"), text);
            assertTrue(text.contains("n/a n/a n/a n/a n/a"), text);
            assertTrue(text.contains("Model: totalseg-fast 2.4.0 18 cases, 31 corrections; 40 mask, 12 box and 9"
                    + " heat-map comparisons Metric n Value 95% CI low 95% CI high Mask Dice 40 0.812 0.770 0.852"), text);
            assertTrue(text.contains("Mask HD95 (mm) 37 6.432 4.901 8.100"), text);
            assertTrue(text.contains("Heat-map pointing game (hit rate) 9 0.778 0.444 1.000"), text);
            assertTrue(text.contains("Empty masks: neither 36, both 1, reference 3, prediction 0. Boxes without a model"
                    + " box (its mask lacked the label): 1. Skipped: no_evidence 2, grid_mismatch 1."), text);
            assertTrue(text.contains("Model: maira-2 (grounded) 9 cases, 14 corrections; 14 box and 14 heat-map"
                    + " comparisons"), text);
            // No interval, and a mean with no finite value, read "-" and "n/a" as in the metric table.
            assertTrue(text.contains("Mask Dice 1 0.900 - -"), text);
            assertTrue(text.contains("Mask HD95 (mm) 0 n/a - -"), text);
            assertTrue(text.contains("test-time augmentation on 1 case, 1 correction; 1 mask comparison"), text);
            // A group where everything was skipped has its line and reasons, and no empty table.
            assertTrue(text.contains("Site: Site C 0 cases, 0 corrections; no comparison Skipped: artifact_missing 3."),
                    text);
        }
    }

    @Test
    void aProjectWithoutCorrectionsSaysSoInOneSentence() throws IOException {
        Path pdf = dir.resolve("none.pdf");
        BenchmarkSummaryPdf.write(PdfFixtures.benchmark(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = PdfText.all(doc);
            assertTrue(text.contains("Evidence against reviewers' corrections No reviewer has stored a corrected mask,"
                    + " box or point, so no model evidence was compared with one. Attest"), text);
            assertTrue(!text.contains("Metric n Value"), text);
        }
    }

    @Test
    void rejectsMoreFailuresThanChecks() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BenchmarkSummaryData.FailRate(5, 3));
        assertEquals("fail rate 5/3 is not a count out of a total", e.getMessage());
    }

    @Test
    void aRatioWithoutDenominatorReadsNotApplicableAndZeroHasNoSign() {
        assertEquals("n/a", BenchmarkSummaryPdf.number(Double.NaN));
        assertEquals("0.667", BenchmarkSummaryPdf.number(2.0 / 3));
        assertEquals("0.000", BenchmarkSummaryPdf.number(-8.3e-17), "rounding noise around zero has no sign");
        assertEquals("-0.001", BenchmarkSummaryPdf.number(-0.0006));
    }
}
