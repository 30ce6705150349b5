package dev.attest.app.pdf;

import dev.attest.annotation.edit.CorrectedMask;
import dev.attest.annotation.edit.CorrectedMaskWriter;
import dev.attest.annotation.edit.EditOperation;
import dev.attest.annotation.edit.EditSession;
import dev.attest.annotation.edit.IndexBox;
import dev.attest.annotation.edit.Region;
import dev.attest.annotation.edit.VoxelIndex;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.review.GeometryJson;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@link PdfProjectFixture}'s project with reviewers' corrections, made as the workstation makes them (corrected
 * label maps through {@link CorrectedMaskWriter} with their provenance sidecars, boxes and a point as geometry
 * JSON), so the PDFs have model evidence to measure against ground truth:
 *
 * <pre>
 * case 1 (demo-ct-seg, Site A)
 *   c1 ann  mask of the lesion's mask evidence: the lesion's voxels with x below its middle erased
 *   c2 ben  mask of the spleen's mask evidence: the spleen erased              (reference empty: Dice 0)
 *   c3 ann  box of the lesion's mask evidence: its bounding box one voxel wider at both x ends
 *   c4 ben  point on the liver's mask evidence                                  (no_comparable_evidence)
 *   c5 ann  box of the liver's mask evidence without geometry                   (bad_geometry)
 *   a heat map on the lesion claim: 5 on a kept lesion voxel, 1 in the corner   (compared with c1 and c3)
 * case 2 (other-seg, Site B)
 *   c6 ann  mask of its first claim's mask evidence, unchanged                  (Dice 1)
 * </pre>
 *
 * @param lesionVoxels  the lesion's voxels in the model's map
 * @param keptVoxels    those ann kept in c1
 * @param lesionWidth   the lesion's bounding box along x, in voxels (c3 is two wider)
 */
public record CorrectedPdfProject(PdfProjectFixture.Project base, long lesionVoxels, long keptVoxels, long lesionWidth) {

    public static CorrectedPdfProject build(Path dir) throws IOException {
        PdfProjectFixture.Project base = PdfProjectFixture.build(dir);
        Path work = Files.createDirectories(dir.resolve("edits"));
        try (ProjectStore store = Projects.open(base.folder())) {
            Claim lesion = base.claim("liver lesion");
            Claim spleen = base.claim("spleen");
            Claim liver = base.claim("liver");
            Evidence lesionMask = store.evidence(lesion.id()).get(0);
            Path labels = store.resolveArtifact(lesionMask.artifact());
            Volume map = NiftiReader.read(labels).volume();
            ImageGrid g = map.grid();
            int label = lesion.labelValue();
            int[] box = bounds(map, label);
            int split = (box[0] + box[3]) / 2;

            EditSession half = new EditSession(NiftiReader.read(labels).volume());
            half.apply(EditOperation.Erase.only(label, new Region.Box(new IndexBox(new VoxelIndex(0, 0, 0),
                    new VoxelIndex(split - 1, g.sizeY() - 1, g.sizeZ() - 1)))));
            correct(store, work, half, labels, "ann", lesion, lesionMask, base.ann(), "lesion-half");

            Evidence spleenMask = store.evidence(spleen.id()).get(0);
            EditSession erased = new EditSession(NiftiReader.read(labels).volume());
            erased.apply(EditOperation.Erase.only(spleen.labelValue(), new Region.Box(new IndexBox(
                    new VoxelIndex(0, 0, 0), new VoxelIndex(g.sizeX() - 1, g.sizeY() - 1, g.sizeZ() - 1)))));
            correct(store, work, erased, labels, "ben", spleen, spleenMask, base.ben(), "spleen-erased");

            Vec3 min = g.indexToLps().apply(box[0] - 1, box[1], box[2]);
            Vec3 max = g.indexToLps().apply(box[3] + 1, box[4], box[5]);
            String wider = String.format(Locale.ROOT, "{\"label\":%d,\"min_lps_mm\":[%.3f,%.3f,%.3f],"
                    + "\"max_lps_mm\":[%.3f,%.3f,%.3f],\"min_index\":[%d,%d,%d],\"max_index\":[%d,%d,%d]}", label,
                    min.x(), min.y(), min.z(), max.x(), max.y(), max.z(), box[0] - 1, box[1], box[2], box[3] + 1,
                    box[4], box[5]);
            store.addCorrection(new CorrectionDraft(lesion.caseId(), lesion.id(), AnnotationKind.BOX, null, wider,
                    lesionMask.id(), base.ann()));
            Evidence liverMask = store.evidence(liver.id()).get(0);
            store.addCorrection(new CorrectionDraft(liver.caseId(), liver.id(), AnnotationKind.POINT, null,
                    GeometryJson.point(g.indexToLps().apply(box[0], box[1], box[2])), liverMask.id(), base.ben()));
            store.addCorrection(new CorrectionDraft(liver.caseId(), liver.id(), AnnotationKind.BOX, null, "{}",
                    liverMask.id(), base.ann()));

            // The peak on the first lesion voxel ann kept (x-fastest order from the split), so it hits both her
            // mask and her box; 5 of the map's 6 units of energy lie on either.
            Volume heat = Volume.allocate(g, VoxelType.FLOAT32);
            int[] peak = firstVoxel(map, label, split);
            heat.setStored(peak[0], peak[1], peak[2], 5);
            heat.setStored(0, 0, 0, 1);
            Path heatFile = work.resolve("lesion-heat.nii.gz");
            NiftiWriter.write(heat, heatFile);
            store.addEvidence(List.of(new EvidenceDraft(lesion.id(), EvidenceKind.HEATMAP,
                    store.importArtifact(heatFile, "lesion-heat.nii.gz"), null, "{\"method\":\"gradcam\"}")));

            Claim other = base.otherClaims().get(0);
            Evidence otherMask = store.evidence(other.id()).get(0);
            Path otherLabels = store.resolveArtifact(otherMask.artifact());
            correct(store, work, new EditSession(NiftiReader.read(otherLabels).volume()), otherLabels, "ann", other,
                    otherMask, base.ann(), "other-confirmed");

            long kept = count(map, label, split);
            return new CorrectedPdfProject(base, count(map, label, 0), kept, box[3] - box[0] + 1);
        }
    }

    private static void correct(ProjectStore store, Path work, EditSession edit, Path source, String editor,
                                Claim claim, Evidence evidence, long editorId, String name) throws IOException {
        CorrectedMask m = new CorrectedMaskWriter().write(edit, source, editor, work, name);
        store.importArtifact(m.sidecar(), name + ".json");
        store.addCorrection(new CorrectionDraft(claim.caseId(), claim.id(), AnnotationKind.MASK,
                store.importArtifact(m.path(), name + ".nii.gz"), null, evidence.id(), editorId));
    }

    /** The label's bounding box {x0, y0, z0, x1, y1, z1}, corners included. */
    private static int[] bounds(Volume map, int label) {
        ImageGrid g = map.grid();
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if (map.getStored(x, y, z) == label) {
                        int[] p = {x, y, z};
                        for (int a = 0; a < 3; a++) {
                            b[a] = Math.min(b[a], p[a]);
                            b[a + 3] = Math.max(b[a + 3], p[a]);
                        }
                    }
                }
            }
        }
        return b;
    }

    private static long count(Volume map, int label, int fromX) {
        ImageGrid g = map.grid();
        long n = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = fromX; x < g.sizeX(); x++) {
                    if (map.getStored(x, y, z) == label) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static int[] firstVoxel(Volume map, int label, int fromX) {
        ImageGrid g = map.grid();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = fromX; x < g.sizeX(); x++) {
                    if (map.getStored(x, y, z) == label) {
                        return new int[] {x, y, z};
                    }
                }
            }
        }
        throw new AssertionError("label " + label + " has no voxel at x >= " + fromX);
    }
}
