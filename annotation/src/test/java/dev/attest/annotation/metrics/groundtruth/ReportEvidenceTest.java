package dev.attest.annotation.metrics.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.edit.CorrectedMask;
import dev.attest.annotation.edit.CorrectedMaskWriter;
import dev.attest.annotation.edit.EditOperation;
import dev.attest.annotation.edit.EditSession;
import dev.attest.annotation.edit.IndexBox;
import dev.attest.annotation.edit.Region;
import dev.attest.annotation.edit.VoxelIndex;
import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.annotation.metrics.segmentation.LabelMetrics;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mask and box evidence the report code stores (app.review.ReportClaims): a sentence about several
 * structures shows the union of their labels; a phrase's side or part is a region mask of its own
 * ({@code "region": true}) with a box stored as its mm extent; a lesion can be one connected component of a
 * label. On a grid whose x axis runs towards the patient's right (spacing 2, 1, 3 mm), so a box's smallest LPS
 * corner is not its first voxel's. Every value is counted by hand.
 *
 * <pre>
 * label map L: 5 = [1,3)[1,3)[0,2), 6 = [3,5)[1,3)[0,2), 7 = [6,9)[4,7)[1,2);  region R: 1 on label 5's voxels
 * sentence s (labels 5, 6): mask L                 S1 mask: L with 6 erased
 * phrase p (region of 5, 6): mask R, box of R      P1 mask: R edited (one more row in y), from R
 *                                                 P2 mask: L edited, from L             → unsupported_evidence
 *                                                 P3 box (GUI) [1,1,0]..[2,3,1] of mask R
 *                                                 P4 box (GUI) [1,1,0]..[2,3,1] of box evidence
 *                                                 P5 mask P1's map, of box evidence
 * lesion k (label 7, component 1): mask L         K1 mask: L, of it                    → unsupported_evidence
 * </pre>
 */
class ReportEvidenceTest {
    @TempDir
    static Path dir;
    static Map<String, CorrectedAnnotation> corrections;
    static GroundTruthMetrics metrics;

    static final ImageGrid GRID = new ImageGrid(10, 8, 3, Affine.fromColumns(new Vec3(-2, 0, 0), new Vec3(0, 1, 0),
            new Vec3(0, 0, 3), Vec3.ZERO));

    @BeforeAll
    static void measure() throws IOException {
        ProjectStore store = Projects.create(dir.resolve("project"));
        long ann = store.addReviewer("ann").id();
        ReviewCase c = store.importCases(List.of(new CaseDraft("study-r", "west", "S9", "CT"))).get(0);
        Instant at = Instant.parse("2026-03-02T10:00:00Z");
        ModelRun run = store.recordModelRun(new ModelRunDraft(c.id(), "demo-ct-seg", "1", null, "{}", "PyTorch", "cpu",
                at, at));
        List<Claim> claims = store.addClaims(List.of(
                new ClaimDraft(c.id(), run.id(), ClaimKind.SENTENCE, "Both kidneys are normal.", 5, null, null),
                new ClaimDraft(c.id(), run.id(), ClaimKind.PHRASE, "left kidney", 5, null, null),
                new ClaimDraft(c.id(), run.id(), ClaimKind.SENTENCE, "A lesion in the liver.", 7, null, null)));

        Volume labels = Volume.allocate(GRID, VoxelType.UINT8);
        fill(labels, 5, 1, 3, 1, 3, 0, 2);
        fill(labels, 6, 3, 5, 1, 3, 0, 2);
        fill(labels, 7, 6, 9, 4, 7, 1, 2);
        Volume region = Volume.allocate(GRID, VoxelType.UINT8);
        fill(region, 1, 1, 3, 1, 3, 0, 2);
        ArtifactRef l = write(store, labels, "labels.nii.gz");
        ArtifactRef r = write(store, region, "region.nii.gz");
        // The region box as the report code writes it: the extent of voxels x 1..2 (centres -2, -4 mm, so
        // -5..-1 mm), y 1..2 (0.5..2.5 mm), z 0..1 (-1.5..4.5 mm).
        String regionBox = "{\"min_lps_mm\":[-5.000,0.500,-1.500],\"max_lps_mm\":[-1.000,2.500,4.500],"
                + "\"min_index\":[1,1,0],\"max_index\":[2,2,1]}";
        List<Evidence> ev = store.addEvidence(List.of(
                new EvidenceDraft(claims.get(0).id(), EvidenceKind.MASK, l, null,
                        "{\"method\":\"report-generator\",\"labelValue\":5,\"labels\":[5,6]}"),
                new EvidenceDraft(claims.get(1).id(), EvidenceKind.MASK, r, null,
                        "{\"method\":\"phrase-grounding\",\"labelValue\":5,\"labels\":[5,6],\"region\":true}"),
                new EvidenceDraft(claims.get(1).id(), EvidenceKind.BOX, null, regionBox,
                        "{\"method\":\"phrase-grounding\"}"),
                new EvidenceDraft(claims.get(2).id(), EvidenceKind.MASK, l, null,
                        "{\"method\":\"report-generator\",\"labelValue\":7,\"labels\":[7],\"component\":1}")));
        Evidence sentenceMask = ev.get(0);
        Evidence regionMask = ev.get(1);
        Evidence box = ev.get(2);
        Evidence lesion = ev.get(3);

        EditSession s1 = edit(store, l);
        s1.apply(EditOperation.Erase.only(6, whole()));
        EditSession p1 = edit(store, r);
        p1.apply(new EditOperation.Paint(1, new Region.Box(new IndexBox(new VoxelIndex(1, 3, 0), new VoxelIndex(2, 3, 1)))));
        EditSession p2 = edit(store, l);
        p2.apply(new EditOperation.Paint(5, new Region.Box(new IndexBox(new VoxelIndex(1, 3, 0), new VoxelIndex(2, 3, 1)))));
        // The GUI's box: centres of voxels (1,1,0) and (2,3,1).
        String guiBox = "{\"label\":5,\"min_lps_mm\":[-2.000,1.000,0.000],\"max_lps_mm\":[-4.000,3.000,3.000],"
                + "\"min_index\":[1,1,0],\"max_index\":[2,3,1]}";
        CorrectedAnnotation p1Stored = mask(store, p1, r, "p1", claims.get(1), regionMask, ann);
        corrections = Map.of(
                "S1", mask(store, s1, l, "s1", claims.get(0), sentenceMask, ann),
                "P1", p1Stored,
                "P2", mask(store, p2, l, "p2", claims.get(1), regionMask, ann),
                "P3", store.addCorrection(new CorrectionDraft(c.id(), claims.get(1).id(), AnnotationKind.BOX, null, guiBox,
                        regionMask.id(), ann)),
                "P4", store.addCorrection(new CorrectionDraft(c.id(), claims.get(1).id(), AnnotationKind.BOX, null, guiBox,
                        box.id(), ann)),
                "P5", store.addCorrection(new CorrectionDraft(c.id(), claims.get(1).id(), AnnotationKind.MASK,
                        p1Stored.artifact(), null, box.id(), ann)),
                "K1", mask(store, edit(store, l), l, "k1", claims.get(2), lesion, ann));
        metrics = ReviewerGroundTruth.compute(store, GroundTruthOptions.DEFAULT, BootstrapOptions.DEFAULT);
    }

    private static long id(String name) {
        return corrections.get(name).id();
    }

    @Test
    void aSentenceAboutSeveralStructuresIsMeasuredOnTheUnionOfTheirLabels() {
        MaskComparison s1 = metrics.masks().stream().filter(m -> m.pair().correctionId() == id("S1")).findFirst()
                .orElseThrow();
        assertEquals(new MaskSelection(List.of(5, 6), false), s1.labels());
        LabelMetrics m = s1.metrics();
        // Labels 5 and 6: 16 voxels; the reviewer kept 5's 8. Dice 16/24, IoU 8/16; the far x face of 6 lies two
        // 2 mm voxels from the nearest kept surface.
        assertEquals(5, m.label());
        assertEquals(16, m.predictionVoxels());
        assertEquals(8, m.referenceVoxels());
        assertEquals(2.0 / 3, m.dice(), 1e-15);
        assertEquals(0.5, m.iou(), 1e-15);
        assertEquals(4.0, m.hausdorff(), 1e-12);
    }

    @Test
    void aRegionMaskIsMeasuredOnlyAgainstAnEditOfThatRegion() {
        MaskComparison p1 = metrics.masks().stream().filter(m -> m.pair().correctionId() == id("P1")).findFirst()
                .orElseThrow();
        assertEquals(new MaskSelection(List.of(5, 6), true), p1.labels());
        // 8 region voxels; the reviewer added a row of 4: Dice 16/20, IoU 8/12.
        assertEquals(8, p1.metrics().predictionVoxels());
        assertEquals(12, p1.metrics().referenceVoxels());
        assertEquals(0.8, p1.metrics().dice(), 1e-15);
        assertEquals(2.0 / 3, p1.metrics().iou(), 1e-15);
        Map<Long, SkippedComparison> skipped = metrics.skipped().stream()
                .collect(Collectors.toMap(SkippedComparison::correctionId, Function.identity()));
        assertEquals(SkipReason.UNSUPPORTED_EVIDENCE, skipped.get(id("P2")).reason());
        assertTrue(skipped.get(id("P2")).detail().contains("was edited from another map (sha256 "),
                skipped.get(id("P2")).detail());
        assertEquals(SkipReason.UNSUPPORTED_EVIDENCE, skipped.get(id("K1")).reason());
        assertTrue(skipped.get(id("K1")).detail().contains("connected component 1"), skipped.get(id("K1")).detail());
        assertEquals(2, metrics.skipped().size());
    }

    @Test
    void boxesStoredAsTheirExtentFitTheirGridAndMeetTheReviewersBoxes() {
        Map<Long, BoxComparison> boxes = metrics.boxes().stream()
                .collect(Collectors.toMap(b -> b.pair().correctionId(), Function.identity()));
        assertEquals(3, boxes.size());
        // Region bounds (2 x 2 x 2) inside the reviewer's 2 x 3 x 2 box: IoU 8/12, precision 1, recall 8/12.
        for (String name : List.of("P3", "P4", "P5")) {
            BoxComparison b = boxes.get(id(name));
            assertEquals(new VoxelBox(1, 1, 0, 3, 3, 2), b.predicted(), name);
            assertEquals(2.0 / 3, b.scores().iou(), 1e-15, name);
            assertEquals(1.0, b.scores().pixelPrecision(), name);
            assertEquals(2.0 / 3, b.scores().pixelRecall(), 1e-15, name);
        }
        assertEquals("mask", boxes.get(id("P3")).pair().evidenceKind());
        assertEquals("box", boxes.get(id("P4")).pair().evidenceKind());
        assertEquals(new VoxelBox(1, 1, 0, 3, 4, 2), boxes.get(id("P4")).reference());
        // P5: the box evidence against the reviewer's edit of the region, the region's voxels as reference.
        assertEquals(null, boxes.get(id("P5")).reference());
        assertEquals(new MaskSelection(List.of(5, 6), true), boxes.get(id("P5")).labels());
    }

    @Test
    void anExtentOrCentresOffTheGridIsAMismatch() throws ComparisonSkipped {
        BoxGeometry shifted = BoxGeometry.parse("{\"min_lps_mm\":[-4.000,0.500,-1.500],\"max_lps_mm\":[0.000,2.500,4.500],"
                + "\"min_index\":[1,1,0],\"max_index\":[2,2,1]}", "box");
        ComparisonSkipped s = org.junit.jupiter.api.Assertions.assertThrows(ComparisonSkipped.class,
                () -> shifted.requireOn(GRID, "box", "the grid"));
        assertEquals(SkipReason.GRID_MISMATCH, s.reason());
        BoxGeometry.parse("{\"min_lps_mm\":[-5.000,0.500,-1.500],\"max_lps_mm\":[-1.000,2.500,4.500],"
                + "\"min_index\":[1,1,0],\"max_index\":[2,2,1]}", "box").requireOn(GRID, "box", "the grid");
        BoxGeometry.parse("{\"min_lps_mm\":[-2.000,1.000,0.000],\"max_lps_mm\":[-4.000,2.000,3.000],"
                + "\"min_index\":[1,1,0],\"max_index\":[2,2,1]}", "box").requireOn(GRID, "box", "the grid");
    }

    private static void fill(Volume v, int label, int x0, int x1, int y0, int y1, int z0, int z1) {
        for (int z = z0; z < z1; z++) {
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    v.setStored(x, y, z, label);
                }
            }
        }
    }

    private static Region.Box whole() {
        return new Region.Box(new IndexBox(new VoxelIndex(0, 0, 0), new VoxelIndex(9, 7, 2)));
    }

    private static ArtifactRef write(ProjectStore store, Volume v, String name) throws IOException {
        Path file = dir.resolve(name);
        NiftiWriter.write(v, file);
        return store.importArtifact(file, name);
    }

    private static EditSession edit(ProjectStore store, ArtifactRef map) throws IOException {
        return new EditSession(NiftiReader.read(store.resolveArtifact(map)).volume());
    }

    /** A corrected mask saved as the review GUI saves it: NIfTI and sidecar naming the map it was edited from. */
    private static CorrectedAnnotation mask(ProjectStore store, EditSession session, ArtifactRef editedFrom, String name,
            Claim claim, Evidence of, long editor) throws IOException {
        CorrectedMask m = new CorrectedMaskWriter().write(session, store.resolveArtifact(editedFrom), "ann", dir, name);
        store.importArtifact(m.sidecar(), name + ".json");
        return store.addCorrection(new CorrectionDraft(claim.caseId(), claim.id(), AnnotationKind.MASK,
                store.importArtifact(m.path(), name + ".nii.gz"), null, of.id(), editor));
    }
}
