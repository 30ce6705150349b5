package dev.attest.app.export.objects;

import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.deid.ProjectSecret;
import dev.attest.dicom.deid.UidMap;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.SeriesGrouper;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.dicom.series.StackGeometry;
import dev.attest.dicom.sr.MeasurementReportDocument;
import dev.attest.dicom.sr.MeasurementReportReader;
import dev.attest.dicom.write.SeriesWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a case without something to write gets: each object it cannot have is named with its reason, the rest written. */
class SkippedObjectsTest {
    private static final ImageGrid GRID = new ImageGrid(16, 12, 4, Affine.diagonal(2, 2, 5));

    @TempDir
    Path dir;
    ProjectStore store;
    ReviewCase reviewCase;
    Reviewer reviewer;

    @BeforeEach
    void project() {
        store = Projects.create(dir.resolve("p"));
        reviewCase = store.importCases(List.of(new CaseDraft("/data/Some_Patient.nii.gz", "A", "S", "MR"))).get(0);
        reviewer = store.addReviewer("Real Name");
    }

    private CaseObjects write(ImageGrid grid, Optional<StackGeometry> dicom) throws IOException {
        UidMap uids = new UidMap(ProjectSecret.of(new byte[32]));
        return CaseObjectsWriter.write(new CaseObjectsInput(store, reviewCase, "case-9", Map.of(reviewer.id(), "reader-1"), grid,
                "images/case-9.nii.gz", dicom, uids::remap, s -> s, ReviewedPhantom.EQUIPMENT, ReviewedPhantom.CREATED),
                dir.resolve("labels"), dir.resolve("sr"));
    }

    private Claim claim(ClaimKind kind, String text, Integer label) {
        return store.addClaims(List.of(new ClaimDraft(reviewCase.id(), null, kind, text, label, null, null))).get(0);
    }

    private ArtifactRef labelMap(Volume labels, String name) throws IOException {
        Path file = dir.resolve(name);
        NiftiWriter.write(labels, file);
        return store.importArtifact(file, name);
    }

    @Test
    void aCaseWithoutClaimsGetsNoObjectAndFourReasons() throws IOException {
        CaseObjects o = write(GRID, Optional.empty());
        assertEquals(List.of(), o.written());
        assertEquals(List.of(new CaseObjects.Skipped(ObjectKind.COCO, SkipReason.NO_BOXES, ""),
                new CaseObjects.Skipped(ObjectKind.RADFACT, SkipReason.NO_CLAIMS, ""),
                new CaseObjects.Skipped(ObjectKind.SEG, SkipReason.NO_LABEL_MAP, ""),
                new CaseObjects.Skipped(ObjectKind.SR, SkipReason.NO_CLAIMS, "")), o.skipped());
        assertEquals("SEG: no claim of the case has mask evidence, so there is no label map to write as a Segmentation",
                o.skipped().get(2).describe());
    }

    @Test
    @Tag("validator")
    void aBoxOnlyNiftiCaseHasNoSegButItsSrPassesDciodvfyWithNothingToReferTo() throws Exception {
        Claim c = claim(ClaimKind.PHRASE, "mass in the left lobe", null);
        store.addEvidence(List.of(new EvidenceDraft(c.id(), EvidenceKind.BOX, null, "{\"min_index\":[2,3,1],\"max_index\":[5,7,2]}", null)));
        store.saveScore(new ScoreDraft(c.id(), reviewer.id(), Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null));
        CaseObjects o = write(GRID, Optional.empty());
        assertEquals(List.of(ObjectKind.COCO, ObjectKind.RADFACT, ObjectKind.SR), o.written().stream().map(CaseObjects.Written::kind).toList());
        assertEquals(List.of(new CaseObjects.Skipped(ObjectKind.SEG, SkipReason.NO_LABEL_MAP, "")), o.skipped());
        MeasurementReportDocument doc = MeasurementReportReader.read(DicomReader.read(o.files(ObjectKind.SR).get(0)));
        assertEquals(List.of(), doc.evidence());
        assertEquals(dev.attest.dicom.sr.ReportCodes.MR_UNSPECIFIED_BODY_REGION, doc.report().proceduresReported().get(0));
        OutsideTools.Run run = OutsideTools.dciodvfy(o.files(ObjectKind.SR).get(0));
        assertEquals(List.of(), run.lines("Error"), run.output());
        assertEquals(KnownWarnings.sr(doc.report(), "case-9"), run.lines("Warning").stream().sorted().toList(), run.output());
    }

    @Test
    void anEmptyAndAnUnreadableLabelMapAreNamedAndTheRestIsWritten() throws IOException {
        Claim empty = claim(ClaimKind.FINDING, "nothing", 1);
        Claim broken = claim(ClaimKind.FINDING, "liver", 4);
        ArtifactRef zeros = labelMap(Volume.allocate(GRID, VoxelType.UINT8), "zeros.nii.gz");
        Volume some = Volume.allocate(GRID, VoxelType.UINT8);
        some.setStored(3, 4, 2, 4);
        ArtifactRef changed = labelMap(some, "changed.nii.gz");
        store.addEvidence(List.of(new EvidenceDraft(empty.id(), EvidenceKind.MASK, zeros, null, null),
                new EvidenceDraft(broken.id(), EvidenceKind.MASK, changed, null, null)));
        // Changed outside Attest: its sha256 no longer matches, so the project refuses to read it.
        Files.writeString(store.folder().resolve(changed.relativePath()), "not a label map", StandardCharsets.US_ASCII);
        CaseObjects o = write(GRID, Optional.empty());
        assertEquals(List.of(ObjectKind.RADFACT, ObjectKind.SR), o.written().stream().map(CaseObjects.Written::kind).toList());
        assertEquals(List.of(new CaseObjects.Skipped(ObjectKind.SEG, SkipReason.UNREADABLE_LABEL_MAP, changed.relativePath()),
                new CaseObjects.Skipped(ObjectKind.COCO, SkipReason.NO_BOXES, ""),
                new CaseObjects.Skipped(ObjectKind.SEG, SkipReason.EMPTY_LABEL_MAP, "label map 1 of the case")), o.skipped());
    }

    @Test
    void aLabelMapOffTheDicomSeriesGridHasNoSegAndNoBoxes() throws Exception {
        CtPhantom.Result p = CtPhantom.generate(16, 12, 4, 20, 40, 0, 3);
        Path series = dir.resolve("dicom");
        SeriesWriter.write(p.ct(), series, SeriesWriter.SeriesInfo.ct("Some^Patient", "P9", "small"), TransferSyntax.EXPLICIT_VR_LE);
        StackGeometry stack = SeriesSelector.select("small", SeriesGrouper.group(DicomScanner.scan(series).files()), null, 1).stack();
        // The phantom's labels moved half a voxel: same size, another lattice.
        Affine moved = Affine.fromColumns(stack.grid().indexToLps().column(0), stack.grid().indexToLps().column(1),
                stack.grid().indexToLps().column(2), stack.grid().origin().add(new Vec3(10, 0, 0)));
        Volume labels = Volume.allocate(new ImageGrid(16, 12, 4, moved), VoxelType.UINT8);
        for (int k = 0; k < 4; k++) {
            System.arraycopy((byte[]) p.labels().sliceArray(k), 0, (byte[]) labels.sliceArray(k), 0, 16 * 12);
        }
        Claim c = claim(ClaimKind.FINDING, "body", 1);
        var evidence = store.addEvidence(List.of(new EvidenceDraft(c.id(), EvidenceKind.MASK, labelMap(labels, "moved.nii.gz"), null, null)));
        CaseObjects o = write(stack.grid(), Optional.of(stack));
        assertEquals(List.of(ObjectKind.RADFACT, ObjectKind.SR), o.written().stream().map(CaseObjects.Written::kind).toList());
        assertEquals(List.of(new CaseObjects.Skipped(ObjectKind.COCO, SkipReason.LABELS_OFF_IMAGE_GRID, "evidence " + evidence.get(0).id()),
                new CaseObjects.Skipped(ObjectKind.COCO, SkipReason.NO_BOXES, ""),
                new CaseObjects.Skipped(ObjectKind.SEG, SkipReason.LABELS_OFF_IMAGE_GRID, "label map 1 of the case is not on the DICOM series' grid")),
                o.skipped());
    }

    @Test
    void aPseudonymThatCannotNameAFileOrAReviewerWithoutOneIsRefused() {
        UidMap uids = new UidMap(ProjectSecret.of(new byte[32]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CaseObjectsInput(store, reviewCase,
                "../case 9", Map.of(), GRID, "images/x.nii.gz", Optional.empty(), uids::remap, s -> s, ReviewedPhantom.EQUIPMENT,
                ReviewedPhantom.CREATED));
        assertEquals("a case pseudonym must be 1 to 64 letters, digits, '.', '_' or '-' starting with a letter or digit, got '../case 9'",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CaseObjectsInput(store, reviewCase, "case-9", Map.of(7L, "a\\b"),
                GRID, "images/x.nii.gz", Optional.empty(), uids::remap, s -> s, ReviewedPhantom.EQUIPMENT, ReviewedPhantom.CREATED));
        assertEquals("the pseudonym of reviewer 7 must be 1 to 64 characters without '\\', '^', '=' or control characters, got 'a\\b'",
                e.getMessage());
        Claim c = claim(ClaimKind.SENTENCE, "x", null);
        store.saveScore(new ScoreDraft(c.id(), reviewer.id(), Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null));
        e = assertThrows(IllegalArgumentException.class, () -> CaseObjectsWriter.write(new CaseObjectsInput(store, reviewCase, "case-9",
                Map.of(), GRID, "images/x.nii.gz", Optional.empty(), uids::remap, s -> s, ReviewedPhantom.EQUIPMENT, ReviewedPhantom.CREATED),
                dir.resolve("labels"), dir.resolve("sr")));
        assertEquals("reviewer " + reviewer.id() + " has work in case case-9 but no pseudonym was given for them", e.getMessage());
    }
}
