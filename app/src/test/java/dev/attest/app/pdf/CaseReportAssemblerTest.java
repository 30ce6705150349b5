package dev.attest.app.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.claims.FindingClaim;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.volume.Volume;
import dev.attest.reports.pdf.CaseReportData;
import dev.attest.reports.pdf.CheckCell;
import dev.attest.reports.pdf.CheckOutcome;
import dev.attest.reports.pdf.ClaimRow;
import dev.attest.reports.pdf.KeyImage;
import dev.attest.reports.pdf.ScoreCell;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case report of a real project (see {@link PdfProjectFixture}), field by field, against numbers counted
 * from the phantom itself and the scores, edits and judgements the fixture stored.
 */
class CaseReportAssemblerTest {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String CAPTION_TAIL = ", window level 40 width 400, image right = patient left, image bottom = posterior;"
            + " coloured overlay: ";

    @TempDir
    static Path dir;
    static PdfProjectFixture.Project project;

    @BeforeAll
    static void build() throws IOException {
        project = PdfProjectFixture.build(dir);
    }

    static CaseReportData assemble(long caseId, CaseReportOptions options) {
        try (ProjectStore store = Projects.openReadOnly(project.folder())) {
            return CaseReportAssembler.assemble(store, caseId, options, NOW);
        }
    }

    @Test
    void listsTheCaseItsRunAndEveryClaimWithItsNewestTextChecksAndScores() {
        CaseReportData data = assemble(project.caseId(), CaseReportOptions.unblinded(4));
        assertEquals("Case review report: case " + project.caseId(), data.title());
        assertEquals(Long.toString(project.caseId()), data.caseId());
        assertEquals(project.studyRef(), data.studyRef());
        assertTrue(data.studyRef().startsWith("series:2.25."), data.studyRef());
        assertEquals("Site A", data.site());
        assertEquals("phantom CT", data.scanner());
        assertEquals("CT", data.modality());
        assertEquals("demo-ct-seg 1.0", data.modelId());
        assertNull(data.modelVersion());
        assertEquals("demo-ct-seg 1.0", data.modelLabel());
        assertEquals(false, data.blinded());
        assertEquals(NOW, data.generatedAt());
        assertEquals("development", data.attestVersion());
        ModelRun run = runOf(project.claim("liver"));
        var r = PdfProjectFixture.DEMO_RUN;
        assertEquals(List.of(new CaseReportData.ModelRunRow("run " + run.id(), "demo-ct-seg", "1.0", "PyTorch 2.7.1",
                "cpu", r.started(), r.ended(), r.weightsSha256())), data.modelRuns());

        List<FindingClaim> findings = project.findings();
        assertEquals(13, findings.size(), "every phantom structure lies in the 96x96x40 field");
        assertEquals(findings.size(), data.claims().size());
        for (int i = 0; i < findings.size(); i++) {
            FindingClaim f = findings.get(i);
            ClaimRow row = data.claims().get(i);
            assertEquals(i + 1, row.index());
            assertEquals("mask", row.evidenceKind(), f.labelName());
            assertEquals(expectedText(f), row.text());
            assertEquals(expectedNote(f), row.note(), f.labelName());
            assertEquals(expectedChecks(f), row.checks(), f.labelName());
            assertEquals(expectedScores(f), row.scores(), f.labelName());
        }
        assertEquals(List.of(new CaseReportData.MissedFinding("small right adrenal nodule", "ann"),
                new CaseReportData.MissedFinding("gallstone", "ben")), data.missedFindings());
        assertEquals(List.of(new CaseReportData.Acceptability("ann", "acceptable with edits: lesion size wrong"),
                new CaseReportData.Acceptability("ben", "unacceptable")), data.acceptability());
    }

    /**
     * The lesion (a failed check, and no reviewer called it correct) and the spleen (ben: ungradable) come first,
     * then claims in order until four images; the inferior vena cava lies on the lesion's slice and shares it.
     */
    @Test
    void keyImagesSliceThroughTheClaimsThatNeedALookFirst() {
        CaseReportData data = assemble(project.caseId(), CaseReportOptions.unblinded(4));
        // Slices from the mean z index of each label's voxels in the phantom's own label map.
        assertEquals(13, centroidSlice(9));
        assertEquals(13, centroidSlice(13));
        assertEquals(16, centroidSlice(12));
        assertEquals(18, centroidSlice(1));
        assertEquals(31, centroidSlice(2));
        assertEquals(List.of(
                "Claim 1: axial slice 19 of 40" + CAPTION_TAIL + "body (#E3C5A8)",
                "Claim 2: axial slice 32 of 40" + CAPTION_TAIL + "right lung (#7FB8E6)",
                "Claims 9 and 13: axial slice 14 of 40" + CAPTION_TAIL + "liver lesion (#39FF14), inferior vena cava (#2F5EE0)",
                "Claim 12: axial slice 17 of 40" + CAPTION_TAIL + "spleen (#9D4EDD)"),
                data.keyImages().stream().map(KeyImage::caption).toList());
        assertEquals("Claims 3, 4, 5, 6, 7, 8, 10 and 11 are not on a key image (at most 4 images).", data.keyImageNote());

        // The lesion's centre voxel shows its colour blended 0.45 over the CT grey of a 40/400 window; air is black.
        BufferedImage lesion = data.keyImages().get(2).image();
        assertEquals(96, lesion.getWidth());
        assertEquals(96, lesion.getHeight());
        int[] c = centroidVoxel(9);
        double hu = project.phantom().ct().getPhysical(c[0], c[1], c[2]);
        int grey = (int) Math.min(255, Math.max(0, Math.floor((hu - (40 - 200)) / 400 * 255 + 0.5)));
        int expected = blend(grey, 0x39, 0.45) << 16 | blend(grey, 0xFF, 0.45) << 8 | blend(grey, 0x14, 0.45);
        // The grid is LPS: columns run to patient left and rows to posterior, as the image shows them, so no flip.
        assertEquals(Integer.toHexString(expected), Integer.toHexString(lesion.getRGB(c[0], c[1]) & 0xFFFFFF));
        assertEquals(0, lesion.getRGB(0, 0) & 0xFFFFFF, "air in the corner is black");
    }

    @Test
    void blindedForAnnShowsNoModelAndNothingOfBen() {
        CaseReportData data = assemble(project.caseId(), CaseReportOptions.blindedFor("ann", 4));
        assertEquals("Case review report: case " + project.caseId() + " (blinded, for reviewer ann)", data.title());
        assertEquals(true, data.blinded());
        assertNull(data.modelId());
        assertNull(data.modelVersion());
        assertEquals("blinded", data.modelLabel());
        assertEquals(List.of(), data.modelRuns());
        for (ClaimRow row : data.claims()) {
            assertEquals("mask", row.evidenceKind());
            assertEquals(List.of("ann"), row.scores().stream().map(ScoreCell::reviewer).toList(), row.text());
        }
        // ben's edit of the liver is his judgement: hidden, so ann sees the model's words; her own edit shows.
        assertEquals(project.claim("liver").text(), row(data, "liver").text());
        assertEquals("", row(data, "liver").note());
        assertEquals(PdfProjectFixture.KIDNEY_EDIT, row(data, "left kidney").text());
        assertEquals("edited by ann (version 2); the model said: " + project.claim("left kidney").text(),
                row(data, "left kidney").note());
        assertEquals(List.of(new CaseReportData.MissedFinding("small right adrenal nodule", "ann")), data.missedFindings());
        assertEquals(List.of(new CaseReportData.Acceptability("ann", "acceptable with edits: lesion size wrong")),
                data.acceptability());
        // Without ben's verdicts only the lesion's failed size check asks for a look first; the spleen waits its turn.
        assertEquals(List.of("Claim 1", "Claim 2", "Claim 3", "Claims 9 and 13"),
                data.keyImages().stream().map(k -> k.caption().substring(0, k.caption().indexOf(':'))).toList());
        assertEquals("Claims 4, 5, 6, 7, 8, 10, 11 and 12 are not on a key image (at most 4 images).", data.keyImageNote());

        CaseReportData ben = assemble(project.caseId(), CaseReportOptions.blindedFor("ben", 0));
        assertEquals(PdfProjectFixture.LIVER_EDIT_2, row(ben, "liver").text());
        assertEquals(project.claim("left kidney").text(), row(ben, "left kidney").text());
        assertEquals(List.of(), row(ben, "aorta").scores(), "ben did not score the aorta");
        assertEquals(List.of(), ben.keyImages());
        assertEquals("", ben.keyImageNote(), "no images asked for, none missing");
    }

    @Test
    void refusesAnUnknownReviewerOrCase() {
        IllegalArgumentException who = assertThrows(IllegalArgumentException.class,
                () -> assemble(project.caseId(), CaseReportOptions.blindedFor("dan", 4)));
        assertEquals("project " + project.folder() + " has no reviewer named 'dan'; its reviewers are ann, ben, cyd",
                who.getMessage());
        IllegalArgumentException which = assertThrows(IllegalArgumentException.class,
                () -> assemble(99, CaseReportOptions.unblinded(4)));
        assertEquals("project " + project.folder() + " has no case 99", which.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CaseReportOptions.blindedFor(" ", 4));
        assertThrows(IllegalArgumentException.class, () -> CaseReportOptions.unblinded(-1));
    }

    @Test
    void aCaseWithoutARecordedImageSaysWhyItHasNoKeyImages() {
        CaseReportData data = assemble(project.otherCaseId(), CaseReportOptions.unblinded(4));
        assertEquals(List.of(), data.keyImages());
        assertEquals("No key images: the image of case " + project.otherCaseId() + " could not be reopened (1.2.3.4:"
                + " the project does not record where this case's image is; open the image and add the case again).",
                data.keyImageNote());
        assertEquals("other-seg 2.0", data.modelLabel());
        assertEquals(project.otherClaims().stream().map(Claim::text).toList(),
                data.claims().stream().map(ClaimRow::text).toList());
    }

    @Test
    void anImageNoLongerWhereItWasGivesAReportSayingSo(@TempDir Path elsewhere) throws IOException {
        PdfProjectFixture.Project moved = PdfProjectFixture.build(elsewhere);
        try (Stream<Path> files = Files.walk(moved.dicom())) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        try (ProjectStore store = Projects.openReadOnly(moved.folder())) {
            CaseReportData data = CaseReportAssembler.assemble(store, moved.caseId(), CaseReportOptions.unblinded(4), NOW);
            assertEquals(List.of(), data.keyImages());
            assertEquals("No key images: the image of case " + moved.caseId() + " could not be reopened ("
                    + moved.dicom().toAbsolutePath().normalize() + ": the image of case " + moved.studyRef()
                    + " is no longer there).", data.keyImageNote());
            assertEquals(13, data.claims().size(), "the rest of the report is all there");
        }
    }

    static ClaimRow row(CaseReportData data, String label) {
        int i = project.findings().stream().map(FindingClaim::labelName).toList().indexOf(label);
        return data.claims().get(i);
    }

    private static ModelRun runOf(Claim claim) {
        try (ProjectStore store = Projects.openReadOnly(project.folder())) {
            return store.modelRun(claim.runId()).orElseThrow();
        }
    }

    private static String expectedText(FindingClaim f) {
        return switch (f.labelName()) {
            case "liver" -> PdfProjectFixture.LIVER_EDIT_2;
            case "left kidney" -> PdfProjectFixture.KIDNEY_EDIT;
            default -> f.text();
        };
    }

    private static String expectedNote(FindingClaim f) {
        return switch (f.labelName()) {
            case "liver" -> "edited by ben (version 3); the model said: " + f.text();
            case "left kidney" -> "edited by ann (version 2); the model said: " + f.text();
            default -> "";
        };
    }

    /**
     * The import's checks of the phantom: the mask exists (its voxels counted here), lies wholly in the structure
     * named and on the side named (when a side is named), and has the volume the text states; the lesion's size
     * check was re-run and failed.
     */
    private static List<CheckCell> expectedChecks(FindingClaim f) {
        long voxels = countVoxels(f.labelValue());
        List<CheckCell> cells = new ArrayList<>();
        cells.add(new CheckCell("existence", CheckOutcome.PASS, String.format(Locale.ROOT, "%,d voxels", voxels), ""));
        boolean sided = f.labelName().startsWith("right ") || f.labelName().startsWith("left ");
        cells.add(sided ? new CheckCell("laterality", CheckOutcome.PASS, "100% on the claimed side", "")
                : new CheckCell("laterality", CheckOutcome.UNKNOWN, "", "the claim names no side"));
        cells.add(new CheckCell("location", CheckOutcome.PASS, "100% inside the claimed structure", ""));
        if (f.labelName().equals("liver lesion")) {
            cells.add(new CheckCell("size", CheckOutcome.FAIL, "measured / stated 1.27", PdfProjectFixture.FAILED_SIZE_DETAIL));
        } else {
            // FindingText rounds to whole mL from 10 mL up, to 0.1 mL below.
            double ml = voxels * 4.0 * 4.0 * 5.0 / 1000;
            double stated = ml >= 9.95 ? Math.round(ml) : Math.round(ml * 10) / 10.0;
            cells.add(new CheckCell("size", CheckOutcome.PASS,
                    String.format(Locale.ROOT, "measured / stated %.2f", ml / stated), ""));
        }
        return cells;
    }

    private static List<ScoreCell> expectedScores(FindingClaim f) {
        ScoreCell annCorrect = new ScoreCell("ann", "correct", "supports", "good", null, "insignificant", null);
        return switch (f.labelName()) {
            case "liver lesion" -> List.of(
                    new ScoreCell("ann", "partially correct", "partial", "hit only", "wrong severity or size",
                            "significant", PdfProjectFixture.LESION_NOTE),
                    new ScoreCell("ben", "incorrect", "contradicts", "miss", "wrong location", "significant",
                            PdfProjectFixture.BEN_LESION_NOTE));
            case "liver" -> List.of(
                    new ScoreCell("ann", "correct", "supports", "good", null, "insignificant", "checked twice"),
                    new ScoreCell("ben", "correct", "supports", "good", null, null, null));
            case "spleen" -> List.of(annCorrect,
                    new ScoreCell("ben", "ungradable", "none or off-target", null, null, null, null));
            default -> List.of(annCorrect);
        };
    }

    private static long countVoxels(int label) {
        Volume labels = project.phantom().labels();
        long n = 0;
        var g = labels.grid();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (labels.getStored(x, y, z) == label) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** The voxel nearest the mean position of a label's voxels. */
    private static int[] centroidVoxel(int label) {
        Volume labels = project.phantom().labels();
        var g = labels.grid();
        double sx = 0;
        double sy = 0;
        double sz = 0;
        long n = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (labels.getStored(x, y, z) == label) {
                        sx += x;
                        sy += y;
                        sz += z;
                        n++;
                    }
                }
            }
        }
        return new int[] {(int) Math.round(sx / n), (int) Math.round(sy / n), (int) Math.round(sz / n)};
    }

    private static int centroidSlice(int label) {
        return centroidVoxel(label)[2];
    }

    private static int blend(int grey, int colour, double opacity) {
        return (int) Math.floor(grey * (1 - opacity) + colour * opacity + 0.5);
    }
}
