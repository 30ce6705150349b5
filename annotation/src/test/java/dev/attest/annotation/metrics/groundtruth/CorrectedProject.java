package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.edit.CorrectedMask;
import dev.attest.annotation.edit.CorrectedMaskWriter;
import dev.attest.annotation.edit.EditOperation;
import dev.attest.annotation.edit.EditSession;
import dev.attest.annotation.edit.IndexBox;
import dev.attest.annotation.edit.Mark;
import dev.attest.annotation.edit.Region;
import dev.attest.annotation.edit.VoxelIndex;
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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SQLite project with real NIfTI artifacts whose corrections have hand-derivable metrics; the same arrays are
 * built by tools/reference/make_ground_truth_metric_refs.py, which computes the expected values with numpy and
 * scipy. Grid 12 × 10 × 4 voxels, spacing (1.5, 1, 2) mm; blocks are half-open voxel ranges x × y × z.
 *
 * <pre>
 * case c1 "study-1" north/S1/CT, model "organs"; label map L1: label 1 [2,6)[2,6)[1,3), label 2 [8,11)[6,9)[0,2)
 *   k1 label 1: e1 mask (L1);  h1 heat map on a 6 × 5 × 2 grid
 *   k2 label 2: e2 mask (L1);  h2 heat map: 5 at (9,7,0), 2 at (10,8,1), 1 at (0,0,0), -3 at (1,1,1)
 *   C1  mask of e1: label 1 moved one voxel along x, to [3,7)     → e1: Dice 0.75, IoU 0.6, HD95 1.5 mm; h1: grid
 *   C2  box of e2: label 2, [8,6,0]..[11,8,1]                      → e2 bounds: IoU 0.75, P 1, R 0.75; h2: hit, 7/8
 *   C3  point of e2: label 2, near the centre of voxel (9,7,1)     → h2: peak 2 mm away, hit at 5 mm
 * case c2 "study-2" south/S1/CT, model "nodules"; label map L2: label 1 [2,6)[2,6)[1,3), label 3 [8,10)[1,3)[2,4)
 *   k3 label 1: e3 mask;  k4 label 3: e4 mask;  k5 label 3: b5 box [8,1,2]..[9,2,3]
 *   C4  mask of e3: unchanged                                      → Dice 1, IoU 1, HD95 0, NSD 1
 *   C5  mask of e4: label 3 erased                                 → Dice 0, HD95 +∞ (reference empty)
 *   C6  box of b5: [8,1,2]..[9,3,3]                                → IoU 2/3, P 1, R 2/3
 *   C7  box of b5 whose LPS corners lie 3 mm off its grid         → grid_mismatch
 *   C8  mask of e3 on a 12 × 10 × 5 grid                          → grid_mismatch
 *   C9  mask of e3 whose file was changed after import            → artifact_changed
 *   C10 mask of e3 whose file was deleted                         → artifact_missing
 *   C11 mask of no claim and no evidence                          → no_evidence
 *   C12 box of b5 marked label 7                                  → label_mismatch
 *   C13 point of e4 (k4 has no heat map)                          → no_comparable_evidence
 *   C14 mask of b5: label 3 moved one voxel along x, to [9,11)   → IoU 1/3, P 0.5, R 0.5
 *   k6 label 4 (not in L2): e6 mask
 *   C15 box of e6: label 4, [0,0,0]..[1,1,0]                      → no model box: IoU 0, P undefined, R 0
 * </pre>
 */
record CorrectedProject(ProjectStore store, List<ReviewCase> cases, Map<String, CorrectedAnnotation> corrections,
        Map<String, Evidence> evidence) {

    static final double[] SPACING = {1.5, 1.0, 2.0};

    static ImageGrid grid(int nx, int ny, int nz) {
        return new ImageGrid(nx, ny, nz, Affine.fromColumns(new Vec3(SPACING[0], 0, 0), new Vec3(0, SPACING[1], 0),
                new Vec3(0, 0, SPACING[2]), new Vec3(-20, 10, 5)));
    }

    static CorrectedProject create(Path folder, Path scratch) throws IOException {
        ProjectStore store = Projects.create(folder);
        long ann = store.addReviewer("ann").id();
        List<ReviewCase> cases = store.importCases(List.of(new CaseDraft("study-1", "north", "S1", "CT"),
                new CaseDraft("study-2", "south", "S1", "CT")));
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        List<ModelRun> runs = store.recordModelRuns(List.of(
                new ModelRunDraft(cases.get(0).id(), "organs", "1", null, "{}", "PyTorch", "cpu", at, at),
                new ModelRunDraft(cases.get(1).id(), "nodules", "2", null, "{}", "PyTorch", "cpu", at, at)));
        List<Claim> claims = store.addClaims(List.of(claim(runs.get(0), "liver", 1), claim(runs.get(0), "spleen", 2),
                claim(runs.get(1), "liver", 1), claim(runs.get(1), "nodule", 3), claim(runs.get(1), "nodule", 3),
                claim(runs.get(1), "cyst", 4)));
        Fixture f = new Fixture(store, scratch, ann);

        Volume l1 = Volume.allocate(grid(12, 10, 4), VoxelType.UINT8);
        fill(l1, 1, 2, 6, 2, 6, 1, 3);
        fill(l1, 2, 8, 11, 6, 9, 0, 2);
        ArtifactRef l1Ref = f.write(l1, "c1-labels.nii.gz");
        Volume h1 = Volume.allocate(new ImageGrid(6, 5, 2, grid(12, 10, 4).indexToLps()), VoxelType.FLOAT32);
        h1.setStored(3, 3, 1, 1);
        Volume h2 = Volume.allocate(grid(12, 10, 4), VoxelType.FLOAT32);
        h2.setStored(9, 7, 0, 5);
        h2.setStored(10, 8, 1, 2);
        h2.setStored(0, 0, 0, 1);
        h2.setStored(1, 1, 1, -3);
        Volume l2 = Volume.allocate(grid(12, 10, 4), VoxelType.UINT8);
        fill(l2, 1, 2, 6, 2, 6, 1, 3);
        fill(l2, 3, 8, 10, 1, 3, 2, 4);
        ArtifactRef l2Ref = f.write(l2, "c2-labels.nii.gz");

        List<Evidence> ev = store.addEvidence(List.of(
                new EvidenceDraft(claims.get(0).id(), EvidenceKind.MASK, l1Ref, null, method(1)),
                new EvidenceDraft(claims.get(0).id(), EvidenceKind.HEATMAP, f.write(h1, "c1-heat-liver.nii.gz"), null,
                        "{\"method\":\"gradcam\"}"),
                new EvidenceDraft(claims.get(1).id(), EvidenceKind.MASK, l1Ref, null, method(2)),
                new EvidenceDraft(claims.get(1).id(), EvidenceKind.HEATMAP, f.write(h2, "c1-heat-spleen.nii.gz"), null,
                        "{\"method\":\"gradcam\"}"),
                new EvidenceDraft(claims.get(2).id(), EvidenceKind.MASK, l2Ref, null, method(1)),
                new EvidenceDraft(claims.get(3).id(), EvidenceKind.MASK, l2Ref, null, method(3)),
                new EvidenceDraft(claims.get(4).id(), EvidenceKind.BOX, null,
                        boxJson(new Mark.Box(3, new IndexBox(new VoxelIndex(8, 1, 2), new VoxelIndex(9, 2, 3)),
                                centre(8, 1, 2), centre(9, 2, 3))), "{\"method\":\"detector\"}"),
                new EvidenceDraft(claims.get(5).id(), EvidenceKind.MASK, l2Ref, null, method(4))));
        Map<String, Evidence> evidence = new LinkedHashMap<>();
        String[] names = {"e1", "h1", "e2", "h2", "e3", "e4", "b5", "e6"};
        for (int i = 0; i < names.length; i++) {
            evidence.put(names[i], ev.get(i));
        }
        Map<String, CorrectedAnnotation> corrections = new LinkedHashMap<>();

        // Case c1.
        EditSession c1 = f.edit(l1Ref);
        c1.apply(EditOperation.Erase.only(1, box(2, 2, 1, 2, 5, 2)));
        c1.apply(new EditOperation.Paint(1, box(6, 2, 1, 6, 5, 2)));
        corrections.put("C1", f.mask(c1, l1Ref, "c1-corrected", claims.get(0), evidence.get("e1")));
        EditSession marks = f.edit(l1Ref);
        marks.apply(new EditOperation.PlaceBox(2, new IndexBox(new VoxelIndex(8, 6, 0), new VoxelIndex(11, 8, 1))));
        Vec3 nearVoxel = marks.labels().grid().indexToLps().apply(9, 7, 1).add(new Vec3(0.3, -0.2, 0.4));
        marks.apply(new EditOperation.PlacePoint(2, nearVoxel));
        corrections.put("C2", f.mark(marks.marks().get(0), claims.get(1), evidence.get("e2"), AnnotationKind.BOX));
        corrections.put("C3", f.mark(marks.marks().get(1), claims.get(1), evidence.get("e2"), AnnotationKind.POINT));

        // Case c2.
        corrections.put("C4", f.mask(f.edit(l2Ref), l2Ref, "c2-confirmed", claims.get(2), evidence.get("e3")));
        EditSession erased = f.edit(l2Ref);
        erased.apply(EditOperation.Erase.only(3, box(0, 0, 0, 11, 9, 3)));
        corrections.put("C5", f.mask(erased, l2Ref, "c2-no-nodule", claims.get(3), evidence.get("e4")));
        Mark.Box reviewerBox = new Mark.Box(3, new IndexBox(new VoxelIndex(8, 1, 2), new VoxelIndex(9, 3, 3)),
                centre(8, 1, 2), centre(9, 3, 3));
        corrections.put("C6", f.mark(reviewerBox, claims.get(4), evidence.get("b5"), AnnotationKind.BOX));
        Mark.Box elsewhere = new Mark.Box(3, reviewerBox.box(), reviewerBox.minLps().add(new Vec3(3, 0, 0)),
                reviewerBox.maxLps().add(new Vec3(3, 0, 0)));
        corrections.put("C7", f.mark(elsewhere, claims.get(4), evidence.get("b5"), AnnotationKind.BOX));
        Volume taller = Volume.allocate(grid(12, 10, 5), VoxelType.UINT8);
        fill(taller, 1, 2, 6, 2, 6, 1, 3);
        corrections.put("C8", f.mask(new EditSession(taller), l2Ref, "c2-other-grid", claims.get(2), evidence.get("e3")));
        CorrectedAnnotation changed = f.mask(f.edit(l2Ref), l2Ref, "c2-changed", claims.get(2), evidence.get("e3"));
        corrections.put("C9", changed);
        CorrectedAnnotation deleted = f.mask(f.edit(l2Ref), l2Ref, "c2-deleted", claims.get(2), evidence.get("e3"));
        corrections.put("C10", deleted);
        corrections.put("C11", store.addCorrection(new CorrectionDraft(cases.get(1).id(), null, AnnotationKind.MASK,
                changed.artifact(), null, null, ann)));
        corrections.put("C12", f.mark(new Mark.Box(7, reviewerBox.box(), reviewerBox.minLps(), reviewerBox.maxLps()),
                claims.get(4), evidence.get("b5"), AnnotationKind.BOX));
        corrections.put("C13", f.mark(new Mark.Point(3, centre(8, 1, 2)), claims.get(3), evidence.get("e4"),
                AnnotationKind.POINT));
        EditSession moved = f.edit(l2Ref);
        moved.apply(EditOperation.Erase.only(3, box(8, 1, 2, 8, 2, 3)));
        moved.apply(new EditOperation.Paint(3, box(10, 1, 2, 10, 2, 3)));
        corrections.put("C14", f.mask(moved, l2Ref, "c2-moved", claims.get(4), evidence.get("b5")));
        corrections.put("C15", f.mark(new Mark.Box(4, new IndexBox(new VoxelIndex(0, 0, 0), new VoxelIndex(1, 1, 0)),
                centre(0, 0, 0), centre(1, 1, 0)), claims.get(5), evidence.get("e6"), AnnotationKind.BOX));

        Files.writeString(folder.resolve(changed.artifact().relativePath()), "not the mask any more");
        Files.delete(folder.resolve(deleted.artifact().relativePath()));
        return new CorrectedProject(store, cases, corrections, evidence);
    }

    /** The voxel centre of (i, j, k) on the 12 × 10 × 4 grid. */
    static Vec3 centre(int i, int j, int k) {
        return grid(12, 10, 4).indexToLps().apply(i, j, k);
    }

    private static ClaimDraft claim(ModelRun run, String text, int label) {
        return new ClaimDraft(run.caseId(), run.id(), ClaimKind.FINDING, text, label, null, null);
    }

    private static String method(int label) {
        return "{\"method\":\"segmentation\",\"labelValue\":" + label + "}";
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

    /** A box region with both corners included. */
    private static Region.Box box(int i0, int j0, int k0, int i1, int j1, int k1) {
        return new Region.Box(new IndexBox(new VoxelIndex(i0, j0, k0), new VoxelIndex(i1, j1, k1)));
    }

    /** A mark as the review GUI stores it (app.gui.LabelEditing.geometryJson). */
    static String boxJson(Mark.Box b) {
        return String.format(Locale.ROOT,
                "{\"label\":%d,\"min_lps_mm\":%s,\"max_lps_mm\":%s,\"min_index\":[%d,%d,%d],\"max_index\":[%d,%d,%d]}",
                b.label(), lps(b.minLps()), lps(b.maxLps()), b.box().min().i(), b.box().min().j(), b.box().min().k(),
                b.box().max().i(), b.box().max().j(), b.box().max().k());
    }

    static String pointJson(Mark.Point p) {
        return String.format(Locale.ROOT, "{\"label\":%d,\"point_lps_mm\":%s}", p.label(), lps(p.lps()));
    }

    private static String lps(Vec3 v) {
        return String.format(Locale.ROOT, "[%.3f,%.3f,%.3f]", v.x(), v.y(), v.z());
    }

    /** Writes artifacts and corrections the way the review GUI does. */
    private record Fixture(ProjectStore store, Path scratch, long editor) {

        ArtifactRef write(Volume v, String name) throws IOException {
            Path file = scratch.resolve(name);
            NiftiWriter.write(v, file);
            return store.importArtifact(file, name);
        }

        /** An editing session on a copy of the label map the artifact holds. */
        EditSession edit(ArtifactRef labels) {
            try {
                return new EditSession(NiftiReader.read(store.resolveArtifact(labels)).volume());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        CorrectedAnnotation mask(EditSession session, ArtifactRef source, String name, Claim claim, Evidence of)
                throws IOException {
            CorrectedMask m = new CorrectedMaskWriter().write(session, store.resolveArtifact(source), "ann", scratch, name);
            store.importArtifact(m.sidecar(), name + ".json");
            ArtifactRef ref = store.importArtifact(m.path(), name + ".nii.gz");
            return store.addCorrection(new CorrectionDraft(claim.caseId(), claim.id(), AnnotationKind.MASK, ref, null,
                    of.id(), editor));
        }

        CorrectedAnnotation mark(Mark mark, Claim claim, Evidence of, AnnotationKind kind) {
            String json = mark instanceof Mark.Box b ? boxJson(b) : pointJson((Mark.Point) mark);
            return store.addCorrection(new CorrectionDraft(claim.caseId(), claim.id(), kind, null, json, of.id(), editor));
        }
    }
}
