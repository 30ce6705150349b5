package dev.attest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.app.pdf.CorrectedPdfProject;
import dev.attest.app.pdf.PdfProjectFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attest pdf case|summary} on a real project, as a user calls them. */
class PdfCommandTest {
    @TempDir
    static Path dir;
    static PdfProjectFixture.Project project;

    @BeforeAll
    static void build() throws IOException {
        project = PdfProjectFixture.build(dir);
    }

    @Test
    void writesACaseReportFoundByIdOrStudyReference() throws IOException {
        Path out = dir.resolve("case.pdf");
        CliTest.Run run = CliTest.attest("pdf", "case", project.folder().toString(), Long.toString(project.caseId()),
                out.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("wrote " + out + ": case " + project.caseId() + ", 13 claims, 4 key images\n"
                + "Claims 3, 4, 5, 6, 7, 8, 10 and 11 are not on a key image (at most 4 images).\n",
                run.out().replace(System.lineSeparator(), "\n"));
        assertEquals(3, pages(out));

        Path byRef = dir.resolve("by-ref.pdf");
        CliTest.Run ref = CliTest.attest("pdf", "case", project.folder().toString(), project.studyRef(),
                byRef.toString(), "--key-images", "1");
        assertEquals(0, ref.exit(), ref.err());
        assertTrue(ref.out().startsWith("wrote " + byRef + ": case " + project.caseId() + ", 13 claims, 1 key image"),
                ref.out());
    }

    @Test
    void writesABlindedReportForOneReviewer() throws IOException {
        Path out = dir.resolve("blinded.pdf");
        CliTest.Run run = CliTest.attest("pdf", "case", project.folder().toString(), Long.toString(project.caseId()),
                out.toString(), "--blinded", "--reviewer", "ben");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("wrote " + out + ": case " + project.caseId() + ", 13 claims, 4 key images,"
                + " blinded for ben"), run.out());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Model blinded"), text);
            assertFalse(text.contains("ann:") || text.contains("(ann)") || text.contains("by ann"), text);
            assertFalse(text.contains("demo-ct-seg"), text);
        }
    }

    @Test
    void refusesWhatItCannotDoInOneLine() {
        String folder = project.folder().toString();
        CliTest.Run unknown = CliTest.attest("pdf", "case", folder, "77", dir.resolve("x.pdf").toString());
        assertEquals(2, unknown.exit());
        assertEquals("attest: project " + project.folder() + " has no case with id or study reference '77' (2 cases;"
                + " attest project status lists them)", unknown.err().strip());
        CliTest.Run lone = CliTest.attest("pdf", "case", folder, "1", dir.resolve("x.pdf").toString(), "--reviewer", "ann");
        assertEquals(2, lone.exit());
        assertEquals("attest: --reviewer chooses whose view a blinded report shows; add --blinded", lone.err().strip());
        CliTest.Run nobody = CliTest.attest("pdf", "case", folder, "1", dir.resolve("x.pdf").toString(), "--blinded");
        assertEquals(2, nobody.exit());
        assertEquals("attest: a blinded case report needs the reviewer it is for", nobody.err().strip());
        CliTest.Run unwritable = CliTest.attest("pdf", "case", folder, "1",
                dir.resolve("no-such-folder").resolve("x.pdf").toString(), "--key-images", "0");
        assertEquals(2, unwritable.exit());
        assertTrue(unwritable.err().startsWith("attest: cannot write case report " + dir.resolve("no-such-folder")),
                unwritable.err());
        assertFalse(Files.exists(dir.resolve("x.pdf")));
    }

    @Test
    void writesTheBenchmarkSummary() throws IOException {
        Path out = dir.resolve("summary.pdf");
        CliTest.Run run = CliTest.attest("pdf", "summary", project.folder().toString(), out.toString(),
                "--resamples", "200", "--seed", "3");
        assertEquals(0, run.exit(), run.err());
        assertEquals("wrote " + out + ": 2 cases, 24 claims, 18 scores, 16 metrics", run.out().strip());
        assertEquals(3, pages(out));
    }

    /** The ground-truth settings reach the summary as they reach {@code attest metrics}, and it says which. */
    @Test
    void theSummaryMeasuresCorrectionsWithTheGivenTolerances(@TempDir Path other) throws IOException {
        CorrectedPdfProject corrected = CorrectedPdfProject.build(other);
        Path out = other.resolve("summary.pdf");
        CliTest.Run run = CliTest.attest("pdf", "summary", corrected.base().folder().toString(), out.toString(),
                "--resamples", "50", "--tau", "2", "--percentile", "90", "--pointing-tolerance", "0");
        assertEquals(0, run.exit(), run.err());
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Surface Dice at 2 mm; HD90 = Hausdorff distance, percentile 90; a heat map hits"
                    + " when its peak lies within 0 mm of the reviewer's region."), text);
            assertTrue(text.contains("Mask surface Dice at 2 mm 2 "), text);
            assertTrue(text.contains("Mask HD90 (mm) 1 "), text);
        }
    }

    private static int pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return doc.getNumberOfPages();
        }
    }
}
