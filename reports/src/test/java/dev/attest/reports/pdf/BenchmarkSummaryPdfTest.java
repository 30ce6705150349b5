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
            assertEquals(2, pages);
            assertEquals("Benchmark summary: Chest CT pilot 2025", doc.getDocumentInformation().getTitle());
            assertEquals("Attest", doc.getDocumentInformation().getProducer());
            for (PDPage page : doc.getPages()) {
                // Charts are paths, not pictures: no page carries an image.
                for (COSName name : page.getResources().getXObjectNames()) {
                    assertTrue(!page.getResources().isImageXObject(name), "image XObject " + name);
                }
            }
            String text = PdfText.all(doc);
            assertTrue(text.contains("page 1 of 2"), text);
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
