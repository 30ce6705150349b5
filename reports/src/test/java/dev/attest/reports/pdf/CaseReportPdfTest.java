package dev.attest.reports.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseReportPdfTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryClaimCheckAndScoreOverSeveralNumberedPages() throws IOException {
        CaseReportData data = PdfFixtures.caseReport(14);
        Path pdf = dir.resolve("case.pdf");
        CaseReportPdf.write(data, pdf);
        PdfFixtures.preview(pdf, "case-report");

        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertEquals(3, pages);
            for (int p = 1; p <= pages; p++) {
                assertTrue(PdfText.page(doc, p).contains("page " + p + " of " + pages), "footer of page " + p);
                assertTrue(PdfText.page(doc, p).contains("Attest " + PdfFixtures.VERSION), "version on page " + p);
            }

            String claims = PdfText.claimsColumn(doc, 1);
            for (ClaimRow claim : data.claims()) {
                assertTrue(claims.contains(WinAnsiText.sanitize(claim.text())), "claim " + claim.index() + " in " + claims);
            }
            assertTrue(claims.contains(PdfFixtures.LONG_CLAIM));
            // The symbol claim printed without a crash: WinAnsi's ×, ³ and – kept, ≥ κ → ✓ spelled in ASCII.
            assertTrue(claims.contains(
                    "Nodule >= 3 cm × 2 cm – volume 12 cm³, kappa 0.41 -> follow-up CT in 3 months ok"), claims);

            String checks = PdfText.claimsColumn(doc, 3);
            assertTrue(checks.contains("PASS existence mask 1,512 mL PASS size 1,512 mL vs 1,500 mL within 5%"), checks);
            assertTrue(checks.contains("FAIL laterality box centre x = -84.2 mm (right) claim says left; the box lies"
                    + " right of the midline FAIL size box diameter 31.0 mm vs claim 30 mm UNKNOWN location no lobe"
                    + " atlas for this scan"), checks);
            assertTrue(checks.contains("PASS size >= 30 mm: 31.0 mm"), checks);

            String scores = PdfText.claimsColumn(doc, 4);
            assertTrue(scores.contains("R1: incorrect contradicts, hit only, wrong location (laterality), significant"
                    + " \"Nodule is in the right lower lobe, the box is correct, the sentence is not.\""
                    + " R2: partially correct partial, hit only, wrong location (laterality), significant"), scores);
            assertTrue(scores.contains("R1: correct partial, hit only, significant \"delta vs prior ~ 0\""), scores);

            String text = PdfText.all(doc);
            assertTrue(text.contains("Small left adrenal nodule, 11 mm (R2)"));
            assertTrue(text.contains("R2: unacceptable"));
            assertTrue(text.contains("Model totalseg-fast 2.4.0"));
            assertTrue(text.contains("Generated 2025-06-02 09:41 UTC"));
        }
    }

    @Test
    void splitsARowTallerThanAPageAcrossPagesWithoutLosingText() throws IOException {
        String huge = String.join(" ", java.util.Collections.nCopies(30, PdfFixtures.LONG_CLAIM));
        CaseReportData base = PdfFixtures.caseReport(1);
        CaseReportData data = new CaseReportData(base.title(), base.caseId(), base.studyRef(), base.site(),
                base.scanner(), base.modality(), base.modelId(), base.modelVersion(), false, base.generatedAt(),
                base.attestVersion(), List.of(), List.of(new ClaimRow(1, huge, "mask", List.of(), List.of())),
                List.of(), List.of());
        Path pdf = dir.resolve("huge.pdf");
        CaseReportPdf.write(data, pdf);
        PdfFixtures.preview(pdf, "split-row");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 3, pages + " pages for a row of about 2,600 pt");
            // The header row repeats on each page the row runs onto; take it out and the text is whole.
            String column = PdfText.claimsColumn(doc, 1);
            assertEquals(pages, column.split("Claim ", -1).length - 1, column);
            assertTrue(column.replace(" Claim ", " ").contains(huge));
        }
    }

    /**
     * Wherever the key images end, the "Claims" heading and the table header stay with the first row: a run of
     * image heights moves the table's start down the first page through every position.
     */
    @Test
    void theClaimsHeadingNeverStaysBehindAtThePageFoot() throws IOException {
        CaseReportData base = PdfFixtures.caseReport(3);
        ClaimRow tall = base.claims().get(2); // the long claim with three checks and two scores: about 10 lines
        KeyImage full = new KeyImage(PdfFixtures.slice(100, 133, false), "slice"); // 200 pt high, the most there is
        for (int h = 40; h <= 133; h += 3) {
            CaseReportData data = new CaseReportData(base.title(), base.caseId(), base.studyRef(), base.site(),
                    base.scanner(), base.modality(), base.modelId(), base.modelVersion(), false, base.generatedAt(),
                    base.attestVersion(), List.of(full, full, full, full,
                            new KeyImage(PdfFixtures.slice(100, h, false), "slice")), // alone in the third row
                    List.of(tall), List.of(), List.of());
            Path pdf = dir.resolve("foot-" + h + ".pdf");
            CaseReportPdf.write(data, pdf);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                    String page = PdfText.page(doc, p);
                    if (page.contains("Claims (1)")) {
                        assertTrue(page.contains("Large right-sided pleural effusion"), "image height " + h
                                + ": page " + p + " has the heading but not the first row: " + page);
                    }
                }
            }
        }
    }

    @Test
    void putsEveryKeyImageOnTheFirstPageLosslessly() throws IOException {
        CaseReportData data = PdfFixtures.caseReport(4);
        Path pdf = dir.resolve("images.pdf");
        CaseReportPdf.write(data, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<int[]> sizes = new ArrayList<>();
            PDResources resources = doc.getPage(0).getResources();
            for (COSName name : resources.getXObjectNames()) {
                PDXObject xobject = resources.getXObject(name);
                if (xobject instanceof PDImageXObject image) {
                    sizes.add(new int[] {image.getWidth(), image.getHeight()});
                }
            }
            assertEquals(data.keyImages().size(), sizes.size());
            List<String> expected = data.keyImages().stream()
                    .map(k -> k.image().getWidth() + "x" + k.image().getHeight()).sorted().toList();
            assertEquals(expected, sizes.stream().map(s -> s[0] + "x" + s[1]).sorted().toList());
            assertTrue(PdfText.page(doc, 1).contains("page 1 of " + doc.getNumberOfPages()));
        }
    }

    @Test
    void recordsTitleProducerAndCreationDate() throws IOException {
        Path pdf = dir.resolve("meta.pdf");
        CaseReportPdf.write(PdfFixtures.caseReport(4), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            assertEquals("Case report: chest-abdomen CT, TotalSegmentator demo", info.getTitle());
            assertEquals("Attest", info.getProducer());
            assertEquals("Attest " + PdfFixtures.VERSION, info.getCreator());
            assertEquals(PdfFixtures.GENERATED.toEpochMilli(), info.getCreationDate().getTimeInMillis());
        }
    }

    @Test
    void blindedReportNeverNamesTheModel() throws IOException {
        CaseReportData open = PdfFixtures.caseReport(4);
        CaseReportData blinded = new CaseReportData(open.title(), open.caseId(), open.studyRef(), open.site(),
                open.scanner(), open.modality(), open.modelId(), open.modelVersion(), true, open.generatedAt(),
                open.attestVersion(), List.of(), open.claims(), open.missedFindings(), open.acceptability());
        Path pdf = dir.resolve("blinded.pdf");
        CaseReportPdf.write(blinded, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = PdfText.all(doc);
            assertTrue(text.contains("Model blinded"), text);
            assertFalse(text.contains("totalseg"), text);
        }
    }

    @Test
    void printsTheModelRunsWhyKeyImagesAreMissingAndAClaimsNote() throws IOException {
        CaseReportData base = PdfFixtures.caseReport(1);
        Instant started = Instant.parse("2026-02-03T04:05:06Z");
        CaseReportData data = new CaseReportData(base.title(), base.caseId(), base.studyRef(), base.site(),
                base.scanner(), base.modality(), base.modelId(), base.modelVersion(), false, base.generatedAt(),
                base.attestVersion(), List.of(),
                List.of(new ClaimRow(1, "liver, 1,480 mL, mean 60 HU", "mask", List.of(), List.of(),
                        "edited by ann (version 2); the model said: liver, 1,512 mL")),
                List.of(), List.of(),
                List.of(new CaseReportData.ModelRunRow("run 1", "demo-ct-seg", "1.0", "PyTorch 2.7.1", "cpu", started,
                                started.plusMillis(2_050), "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
                        new CaseReportData.ModelRunRow("run 2", "organs", null, null, null, started, null, null)),
                "No key images: the image of case 1 is no longer at /data/ct.nii.gz.");
        Path pdf = dir.resolve("runs.pdf");
        CaseReportPdf.write(data, pdf);
        PdfFixtures.preview(pdf, "runs-note");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = PdfText.all(doc);
            assertTrue(text.contains("Model runs (2) Run Model Version Engine Device Started (UTC) Took Weights sha256"
                    + " run 1 demo-ct-seg 1.0 PyTorch 2.7.1 cpu 2026-02-03 04:05 2.1 s 0123456789abcdef"
                    + " run 2 organs - - - 2026-02-03 04:05 - -"), text);
            assertTrue(text.contains("Key images No key images: the image of case 1 is no longer at /data/ct.nii.gz."),
                    text);
            // The note follows the claim's text in the same cell, as one block.
            String claims = PdfText.claimsColumn(doc, 1);
            assertTrue(claims.contains("Claim liver, 1,480 mL, mean 60 HU edited by ann (version 2); the model said:"
                    + " liver, 1,512 mL"), claims);
        }
    }

    @Test
    void aBlindedReportRefusesModelRuns() {
        CaseReportData base = PdfFixtures.caseReport(1);
        var run = new CaseReportData.ModelRunRow("run 1", "totalseg-fast", "2.4.0", null, null, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CaseReportData(
                base.title(), base.caseId(), base.studyRef(), base.site(), base.scanner(), base.modality(), null, null,
                true, base.generatedAt(), base.attestVersion(), List.of(), base.claims(), List.of(), List.of(),
                List.of(run), ""));
        assertTrue(e.getMessage().contains("blinded"), e.getMessage());
    }

    @Test
    void runDurationsReadInSecondsThenMinutes() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals("0.4 s", CaseReportPdf.duration(t, t.plusMillis(400)));
        assertEquals("59.9 s", CaseReportPdf.duration(t, t.plusMillis(59_900)));
        assertEquals("3 min 5 s", CaseReportPdf.duration(t, t.plusSeconds(185)));
        assertEquals("-", CaseReportPdf.duration(t, null));
    }

    @Test
    void failureNamesTheFile() {
        Path pdf = dir.resolve("no-such-folder").resolve("case.pdf");
        IOException e = assertThrows(IOException.class, () -> CaseReportPdf.write(PdfFixtures.caseReport(1), pdf));
        assertTrue(e.getMessage().contains(pdf.toString()), e.getMessage());
    }
}
