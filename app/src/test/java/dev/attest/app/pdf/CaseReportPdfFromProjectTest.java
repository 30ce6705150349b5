package dev.attest.app.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.reports.pdf.CaseReportData;
import dev.attest.reports.pdf.ClaimRow;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case report PDFs of a real project read back with PDFBox: what was stored is what is printed. */
class CaseReportPdfFromProjectTest {
    static final Clock CLOCK = Clock.fixed(CaseReportAssemblerTest.NOW, ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static PdfProjectFixture.Project project;

    @BeforeAll
    static void build() throws IOException {
        project = PdfProjectFixture.build(dir);
    }

    static CaseReportData write(long caseId, CaseReportOptions options, Path pdf) throws IOException {
        try (ProjectStore store = Projects.openReadOnly(project.folder())) {
            return PdfReports.writeCaseReport(store, caseId, options, pdf, CLOCK, ProgressListener.NONE,
                    new Cancellation());
        }
    }

    @Test
    void printsEveryClaimTextCheckAndScoreExactly() throws IOException {
        Path pdf = dir.resolve("case.pdf");
        CaseReportData data = write(project.caseId(), CaseReportOptions.unblinded(4), pdf);
        PdfProjectFixture.keep(pdf, "case-report.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, doc.getNumberOfPages());
            assertEquals(3, ClaimsTableText.pagesWithTable(doc), "the table starts on page 1 and its header repeats");

            // The claim column is the claims' texts, each followed by its edit note, in order, and nothing else.
            List<String> cells = new ArrayList<>();
            for (ClaimRow row : data.claims()) {
                cells.add(row.note().isEmpty() ? row.text() : row.text() + " " + row.note());
            }
            assertEquals(String.join(" ", cells), ClaimsTableText.column(doc, 1));
            assertTrue(cells.contains(PdfProjectFixture.LIVER_EDIT_2 + " edited by ben (version 3); the model said: "
                    + project.claim("liver").text()), cells.toString());
            assertEquals("1 2 3 4 5 6 7 8 9 10 11 12 13", ClaimsTableText.column(doc, 0));
            assertEquals(String.join(" ", java.util.Collections.nCopies(13, "mask")), ClaimsTableText.column(doc, 2));

            String checks = ClaimsTableText.column(doc, 3);
            assertTrue(checks.startsWith("PASS existence 90,624 voxels UNKNOWN laterality the claim names no side"
                    + " PASS location 100% inside the claimed structure PASS size measured / stated 1.00"
                    + " PASS existence 12,242 voxels PASS laterality 100% on the claimed side"), checks);
            assertTrue(checks.contains("PASS existence 140 voxels UNKNOWN laterality the claim names no side"
                    + " PASS location 100% inside the claimed structure FAIL size measured / stated 1.27 "
                    + PdfProjectFixture.FAILED_SIZE_DETAIL + " PASS existence 8 voxels"), checks);

            String scores = ClaimsTableText.column(doc, 4);
            assertTrue(scores.contains("ann: partially correct partial, hit only, wrong severity or size, significant"
                    + " \"" + PdfProjectFixture.LESION_NOTE + "\" ben: incorrect contradicts, miss, wrong location,"
                    + " significant \"" + PdfProjectFixture.BEN_LESION_NOTE + "\""), scores);
            assertTrue(scores.contains("ann: correct supports, good, insignificant \"checked twice\" ben: correct"
                    + " supports, good ann: correct"), scores);
            assertTrue(scores.contains("ann: correct supports, good, insignificant ben: ungradable none or off-target"),
                    scores);
            assertEquals(16, scores.split("ann: |ben: ", -1).length - 1, "13 scores by ann and 3 by ben");

            String text = collapse(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("Case review report: case " + project.caseId()), text);
            assertTrue(text.contains("Model demo-ct-seg 1.0"), text);
            assertTrue(text.contains("Site Site A"), text);
            assertTrue(text.contains("run " + runId() + " demo-ct-seg 1.0 PyTorch 2.7.1 cpu 2026-02-03 04:05 2.4 s"
                    + " 6c2f0e1d9a8b7c6d"), text);
            assertTrue(text.contains("Claims 3, 4, 5, 6, 7, 8, 10 and 11 are not on a key image (at most 4 images)."), text);
            assertTrue(text.contains("Findings the model missed (2) - small right adrenal nodule (ann) - gallstone (ben)"),
                    text);
            assertTrue(text.contains("Overall acceptability ann: acceptable with edits: lesion size wrong ben: unacceptable"),
                    text);
            assertFalse(text.contains("cyd"), "a reviewer who scored nothing is in no list");
            for (int p = 1; p <= 3; p++) {
                assertTrue(text.contains("Attest development | case " + project.caseId() + " page " + p + " of 3"), text);
            }
            assertEquals(List.of("96x96", "96x96", "96x96", "96x96"), imagesOnPage(doc, 0));
        }
    }

    @Test
    void aBlindedPdfNamesNeitherTheModelNorAnotherReviewer() throws IOException {
        Path pdf = dir.resolve("blinded.pdf");
        write(project.caseId(), CaseReportOptions.blindedFor("ann", 4), pdf);
        PdfProjectFixture.keep(pdf, "case-report-blinded.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = collapse(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("Case review report: case " + project.caseId() + " (blinded, for reviewer ann)"), text);
            assertTrue(text.contains("Model blinded"), text);
            for (String hidden : List.of("demo-ct-seg", "PyTorch", "Model run", "6c2f0e1d", "ben",
                    PdfProjectFixture.LIVER_EDIT_2, PdfProjectFixture.BEN_LESION_NOTE, "gallstone", "unacceptable")) {
                assertFalse(text.contains(hidden), "'" + hidden + "' in a report blinded for ann: " + text);
            }
            assertTrue(text.contains(PdfProjectFixture.KIDNEY_EDIT + " edited by ann (version 2)"), text);
            assertEquals(13, ClaimsTableText.column(doc, 4).split("ann: ", -1).length - 1);
            assertEquals(doc.getNumberOfPages(), 3);
        }
    }

    @Test
    void aCaseWithoutItsImageStillComesOutAndSaysWhy() throws IOException {
        Path pdf = dir.resolve("other.pdf");
        write(project.otherCaseId(), CaseReportOptions.unblinded(4), pdf);
        PdfProjectFixture.keep(pdf, "case-report-no-image.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = collapse(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("Key images No key images: the image of case " + project.otherCaseId()
                    + " could not be reopened (1.2.3.4: the project does not record where this case's image is; open"
                    + " the image and add the case again). Claims (11)"), text);
            assertEquals(List.of(), imagesOnPage(doc, 0));
            assertEquals(String.join(" ", project.otherClaims().stream().map(c -> c.text()).toList()),
                    ClaimsTableText.column(doc, 1));
        }
    }

    private static long runId() {
        return project.claim("liver").runId();
    }

    private static List<String> imagesOnPage(PDDocument doc, int page) throws IOException {
        List<String> sizes = new ArrayList<>();
        PDResources resources = doc.getPage(page).getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                sizes.add(image.getWidth() + "x" + image.getHeight());
            }
        }
        return sizes;
    }

    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
