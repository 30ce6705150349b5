package dev.attest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.edit.CorrectedMask;
import dev.attest.annotation.edit.CorrectedMaskWriter;
import dev.attest.annotation.edit.EditOperation;
import dev.attest.annotation.edit.EditSession;
import dev.attest.annotation.edit.IndexBox;
import dev.attest.annotation.edit.Region;
import dev.attest.annotation.edit.VoxelIndex;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.review.CaseAnatomy;
import dev.attest.app.review.CaseImport;
import dev.attest.app.review.ReportClaims;
import dev.attest.app.review.RunFacts;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attest metrics PROJECT} on small projects, every number counted by hand. */
class MetricsCommandTest {

    @Test
    void printsClaimMetricsWithIntervalsAndAgreementBySite(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("bench");
        try (ProjectStore store = Projects.create(folder)) {
            long ann = store.addReviewer("ann").id();
            long ben = store.addReviewer("ben").id();
            List<ReviewCase> cases = store.importCases(List.of(new CaseDraft("s1", "north", "CT-A", "CT"),
                    new CaseDraft("s2", "south", "CT-B", "CT")));
            Instant at = Instant.parse("2026-03-01T09:00:00Z");
            List<ModelRun> runs = store.recordModelRuns(List.of(
                    new ModelRunDraft(cases.get(0).id(), "organs", "1", null, "{}", "PyTorch", "cpu", at, at),
                    new ModelRunDraft(cases.get(1).id(), "organs", "1", null, "{}", "PyTorch", "cpu", at, at)));
            List<Claim> claims = store.addClaims(List.of(
                    new ClaimDraft(cases.get(0).id(), runs.get(0).id(), ClaimKind.FINDING, "liver", 5, null, null),
                    new ClaimDraft(cases.get(0).id(), runs.get(0).id(), ClaimKind.FINDING, "spleen", 1, null, null),
                    new ClaimDraft(cases.get(1).id(), runs.get(1).id(), ClaimKind.FINDING, "liver", 5, null, null)));
            store.addEvidence(List.of(new EvidenceDraft(claims.get(1).id(), EvidenceKind.BOX, null, "{}", null)));
            store.saveScores(List.of(
                    new ScoreDraft(claims.get(0).id(), ann, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null),
                    new ScoreDraft(claims.get(1).id(), ann, Verdict.INCORRECT, EvidenceSupport.SUPPORTS, null,
                            ErrorType.FALSE_FINDING, null, null),
                    new ScoreDraft(claims.get(2).id(), ann, Verdict.CORRECT, EvidenceSupport.CONTRADICTS, null, null, null,
                            null),
                    new ScoreDraft(claims.get(0).id(), ben, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null),
                    new ScoreDraft(claims.get(1).id(), ben, Verdict.CORRECT, EvidenceSupport.PARTIAL, null, null, null, null)));
            store.addMissedFinding(cases.get(1).id(), ben, "kidney cyst", null);
        }

        CliTest.Run run = CliTest.attest("metrics", folder.toString(), "--resamples", "500", "--seed", "11");

        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode overall = root.get("overall");
        // 5 scores, all gradable, 4 correct; 1 missed finding: recall 4/5.
        assertEquals(0.8, overall.get("claimPrecision").get("value").asDouble(), 1e-15);
        assertEquals(0.8, overall.get("recall").get("value").asDouble(), 1e-15);
        // Correct with supporting evidence: ann liver, ben liver (ben's spleen is partial): 2 of 4; ann's
        // south liver is right for the wrong reason; ann's incorrect spleen carries a box.
        assertEquals(0.5, overall.get("evidencePrecision").get("value").asDouble(), 1e-15);
        assertEquals(0.25, overall.get("rightForWrongReason").get("value").asDouble(), 1e-15);
        assertEquals(1.0, overall.get("evidencedHallucination").get("value").asDouble(), 1e-15);
        assertEquals(1.0, overall.get("errorTypes").get("false_finding").get("value").asDouble(), 1e-15);
        assertEquals(500, overall.get("claimPrecision").get("ci").get("resamples").asInt());
        assertEquals(11, overall.get("claimPrecision").get("ci").get("seed").asInt());
        // ann and ben share two claims and agree on one: kappa = (1/2 - 1/2) / (1 - 1/2) = 0 (p_e: ann 1 C + 1 I,
        // ben 2 C, so p_e = (1 * 2) / 4).
        JsonNode pair = overall.get("agreement").get("cohen").get(0);
        assertEquals(2, pair.get("claims").asInt());
        assertEquals(0.0, pair.get("kappa").asDouble(), 1e-15);
        assertEquals(0.5, pair.get("percentAgreement").asDouble(), 1e-15);
        // By site: north 4 scores 3 correct; south 1 score correct plus 1 missed finding.
        JsonNode sites = root.get("strata").get("site");
        assertEquals(0.75, sites.get("north").get("claimPrecision").get("value").asDouble(), 1e-15);
        assertEquals(0.5, sites.get("south").get("recall").get("value").asDouble(), 1e-15);
        assertEquals(0.5, sites.get("south").get("recall").get("ci").get("lower").asDouble(), 1e-15);
        assertEquals("organs", root.get("strata").get("model").fieldNames().next());
        assertEquals("ann", root.get("reviewers").get("1").asText());
    }

    /**
     * A phantom case imported as the review GUI imports it (label map artifact, one claim per label with its
     * mask evidence), a heat map for one claim, and a reviewer's corrections of that claim: the label
     * confirmed, the label erased, its box widened by one voxel on both x ends, and a box without geometry.
     */
    @Test
    void printsModelEvidenceAgainstReviewerCorrections(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("bench");
        int label;
        long[] bbox;
        int[] peak;
        try (ProjectStore store = Projects.create(folder)) {
            long ann = store.addReviewer("ann").id();
            CtPhantom.Result p = CtPhantom.generate(40, 40, 16, 8.0, 10.0, 0, 7);
            CaseImport.ImportedCase imported = CaseImport.add(store, new CaseDraft("1.2.3", "north", "CT-A", "CT"), p.ct(),
                    p.labels(), CtPhantom.labelDescriptions(), new RunFacts("demo-ct-seg", "1.0", null, "{}", "PyTorch",
                            "cpu", Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:00:01Z")), "HU");
            // The first claim whose label leaves room to widen its box along x; the import's own record of the
            // label's bounding box is [[i0,j0,k0],[i1,j1,k1]], corners included.
            int pick = 0;
            JsonNode box = null;
            for (; pick < imported.claims().size(); pick++) {
                box = new ObjectMapper().readTree(imported.evidence().get(pick).methodJson()).get("boundingBoxIndex");
                if (box.at("/0/0").asInt() > 0 && box.at("/1/0").asInt() < 39) {
                    break;
                }
            }
            Claim claim = imported.claims().get(pick);
            Evidence mask = imported.evidence().get(pick);
            label = claim.labelValue();
            bbox = new long[] {box.at("/0/0").asLong(), box.at("/0/1").asLong(), box.at("/0/2").asLong(),
                    box.at("/1/0").asLong(), box.at("/1/1").asLong(), box.at("/1/2").asLong()};
            peak = firstVoxelOf(p.labels(), label);

            Volume heat = Volume.allocate(p.labels().grid(), VoxelType.FLOAT32);
            heat.setStored(peak[0], peak[1], peak[2], 4);
            heat.setStored(0, 0, 0, 1);
            Path heatFile = dir.resolve("heat.nii.gz");
            NiftiWriter.write(heat, heatFile);
            store.addEvidence(List.of(new EvidenceDraft(claim.id(), EvidenceKind.HEATMAP,
                    store.importArtifact(heatFile, "heat.nii.gz"), null, "{\"method\":\"gradcam\"}")));

            Path source = store.resolveArtifact(mask.artifact());
            EditSession same = new EditSession(NiftiReader.read(source).volume());
            EditSession erased = new EditSession(NiftiReader.read(source).volume());
            erased.apply(EditOperation.Erase.only(label, new Region.Box(new IndexBox(new VoxelIndex(0, 0, 0),
                    new VoxelIndex(39, 39, 15)))));
            for (var e : List.of(java.util.Map.entry("confirmed", same), java.util.Map.entry("erased", erased))) {
                CorrectedMask m = new CorrectedMaskWriter().write(e.getValue(), source, "ann", dir, e.getKey());
                store.importArtifact(m.sidecar(), e.getKey() + ".json");
                store.addCorrection(new CorrectionDraft(claim.caseId(), claim.id(), AnnotationKind.MASK,
                        store.importArtifact(m.path(), e.getKey() + ".nii.gz"), null, mask.id(), ann));
            }
            ImageGrid g = p.labels().grid();
            Vec3 min = g.indexToLps().apply(bbox[0] - 1, bbox[1], bbox[2]);
            Vec3 max = g.indexToLps().apply(bbox[3] + 1, bbox[4], bbox[5]);
            String wider = String.format(Locale.ROOT, "{\"label\":%d,\"min_lps_mm\":[%.3f,%.3f,%.3f],"
                    + "\"max_lps_mm\":[%.3f,%.3f,%.3f],\"min_index\":[%d,%d,%d],\"max_index\":[%d,%d,%d]}", label,
                    min.x(), min.y(), min.z(), max.x(), max.y(), max.z(), bbox[0] - 1, bbox[1], bbox[2], bbox[3] + 1,
                    bbox[4], bbox[5]);
            store.addCorrection(new CorrectionDraft(claim.caseId(), claim.id(), AnnotationKind.BOX, null, wider,
                    mask.id(), ann));
            store.addCorrection(new CorrectionDraft(claim.caseId(), claim.id(), AnnotationKind.BOX, null, "{}",
                    mask.id(), ann));
        }

        CliTest.Run run = CliTest.attest("metrics", folder.toString(), "--resamples", "200", "--tau", "2",
                "--pointing-tolerance", "0");

        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals(2.0, root.at("/options/groundTruth/surfaceToleranceMm").asDouble());
        assertEquals(0.0, root.at("/options/groundTruth/pointingToleranceMm").asDouble());
        JsonNode gt = root.get("groundTruth");
        // Confirmed: the same voxels. Erased: the reference is empty (Dice 0, HD95 +Infinity, stated as such).
        JsonNode confirmed = gt.at("/masks/0/metrics");
        assertEquals("{\"labels\":[" + label + "],\"region\":false}", gt.at("/masks/0/labels").toString());
        assertEquals(label, gt.at("/masks/0/metrics/label").asInt());
        assertEquals(1.0, confirmed.get("dice").asDouble());
        assertEquals(0.0, confirmed.get("hausdorff95").asDouble());
        assertEquals(1.0, confirmed.get("surfaceDice").asDouble());
        JsonNode gone = gt.at("/masks/1/metrics");
        assertEquals(0.0, gone.get("dice").asDouble());
        assertEquals("Infinity", gone.get("hausdorff95").asText());
        assertEquals("reference", gone.get("empty").asText());
        assertEquals(0.5, gt.at("/overall/masks/dice/value").asDouble());
        assertEquals(1, gt.at("/overall/masks/hausdorff95/denominator").asInt());
        // The mask's bounding box (dx wide) against the reviewer's, widened to dx + 2: IoU = recall = dx/(dx+2).
        long dx = bbox[3] - bbox[0] + 1;
        long dyz = (bbox[4] - bbox[1] + 1) * (bbox[5] - bbox[2] + 1);
        JsonNode b = gt.at("/boxes/0/scores");
        assertEquals(dx * dyz, b.get("predictedVoxels").asLong());
        assertEquals((dx + 2) * dyz, b.get("referenceVoxels").asLong());
        assertEquals((double) dx / (dx + 2), b.get("iou").asDouble(), 1e-15);
        assertEquals(1.0, b.get("pixelPrecision").asDouble());
        assertEquals((double) dx / (dx + 2), b.get("pixelRecall").asDouble(), 1e-15);
        // The heat map peaks on the label's first voxel: a hit on the confirmed mask and the box (0 mm), a miss
        // on the erased mask; 4 of its 5 units of energy lie on the label and in the box.
        JsonNode heat = gt.get("heatmaps");
        assertEquals(3, heat.size());
        assertEquals(List.of(true, false, true), List.of(heat.at("/0/hit").asBoolean(), heat.at("/1/hit").asBoolean(),
                heat.at("/2/hit").asBoolean()));
        assertEquals("[" + peak[0] + "," + peak[1] + "," + peak[2] + "]", heat.at("/0/peak").toString());
        assertEquals("Infinity", heat.at("/1/distanceMm").asText());
        assertEquals(0.8, heat.at("/0/energy/fraction").asDouble(), 1e-15);
        assertEquals(0.0, heat.at("/1/energy/fraction").asDouble());
        assertEquals(0.8, heat.at("/2/energy/fraction").asDouble(), 1e-15);
        assertEquals(2.0 / 3, gt.at("/overall/heatmaps/pointingGame/value").asDouble(), 1e-15);
        // The box without geometry is skipped, with its reason, for both the mask it corrects and the claim's heat
        // map; everything else was measured.
        assertEquals(2, gt.get("skipped").size());
        assertEquals("bad_geometry", gt.at("/skipped/0/reason").asText());
        assertEquals("box", gt.at("/skipped/0/correctionKind").asText());
        assertEquals("bad_geometry", gt.at("/skipped/1/reason").asText());
        assertEquals(3, gt.at("/overall/corrections").asInt());
        assertEquals("demo-ct-seg", gt.get("strata").get("model").fieldNames().next());
        assertEquals(0.5, gt.at("/strata/site/north/masks/dice/value").asDouble());
    }

    /**
     * A phrase grounded by the report code ("upper part of the liver": a region mask of its own and a box stored
     * as its mm extent) against a reviewer's unchanged edit of that region and a box drawn on the box's voxels:
     * both agree perfectly, so every grid and label rule the report code's forms need must hold.
     */
    @Test
    void measuresThePhraseEvidenceOfTheReportCode(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("bench");
        long regionVoxels;
        try (ProjectStore store = Projects.create(folder)) {
            long ann = store.addReviewer("ann").id();
            CtPhantom.Result p = CtPhantom.generate(40, 40, 16, 8.0, 10.0, 0, 7);
            CaseImport.ImportedCase imported = CaseImport.add(store, new CaseDraft("1.2.3", "north", "CT-A", "CT"), p.ct(),
                    p.labels(), CtPhantom.labelDescriptions(), new RunFacts("demo-ct-seg", "1.0", null, "{}", "PyTorch",
                            "cpu", Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:00:01Z")), "HU");
            CaseAnatomy anatomy = CaseAnatomy.of(imported, p.ct(), p.labels(), CtPhantom.labelDescriptions(), "HU");
            var grounded = (ReportClaims.PhraseResult.Stored) ReportClaims.ground(store, anatomy, "upper part of the liver");
            Claim phrase = grounded.claim().claim();
            Evidence region = grounded.claim().evidence().get(0);
            Evidence box = grounded.claim().evidence().get(1);
            regionVoxels = grounded.grounding().region().count();

            Path source = store.resolveArtifact(region.artifact());
            CorrectedMask m = new CorrectedMaskWriter().write(new EditSession(NiftiReader.read(source).volume()), source,
                    "ann", dir, "region-confirmed");
            store.importArtifact(m.sidecar(), "region-confirmed.json");
            store.addCorrection(new CorrectionDraft(phrase.caseId(), phrase.id(), AnnotationKind.MASK,
                    store.importArtifact(m.path(), "region-confirmed.nii.gz"), null, region.id(), ann));
            JsonNode stored = new ObjectMapper().readTree(box.geometryJson());
            ImageGrid g = p.labels().grid();
            Vec3 min = g.indexToLps().apply(stored.at("/min_index/0").asInt(), stored.at("/min_index/1").asInt(),
                    stored.at("/min_index/2").asInt());
            Vec3 max = g.indexToLps().apply(stored.at("/max_index/0").asInt(), stored.at("/max_index/1").asInt(),
                    stored.at("/max_index/2").asInt());
            String drawn = String.format(Locale.ROOT, "{\"label\":%d,\"min_lps_mm\":[%.3f,%.3f,%.3f],"
                    + "\"max_lps_mm\":[%.3f,%.3f,%.3f],\"min_index\":%s,\"max_index\":%s}", phrase.labelValue(),
                    min.x(), min.y(), min.z(), max.x(), max.y(), max.z(), stored.get("min_index"), stored.get("max_index"));
            store.addCorrection(new CorrectionDraft(phrase.caseId(), phrase.id(), AnnotationKind.BOX, null, drawn, box.id(),
                    ann));
        }

        CliTest.Run run = CliTest.attest("metrics", folder.toString(), "--resamples", "50");

        assertEquals(0, run.exit(), run.err());
        JsonNode gt = new ObjectMapper().readTree(run.out()).get("groundTruth");
        assertEquals(0, gt.get("skipped").size(), gt.get("skipped").toString());
        assertEquals(true, gt.at("/masks/0/labels/region").asBoolean());
        assertEquals(regionVoxels, gt.at("/masks/0/metrics/predictionVoxels").asLong());
        assertEquals(1.0, gt.at("/masks/0/metrics/dice").asDouble());
        assertEquals("box", gt.at("/boxes/0/pair/evidenceKind").asText());
        assertEquals(1.0, gt.at("/boxes/0/scores/iou").asDouble());
    }

    /** The first voxel holding label, in x-fastest order. */
    private static int[] firstVoxelOf(Volume labels, int label) {
        ImageGrid g = labels.grid();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    if ((int) labels.getPhysical(x, y, z) == label) {
                        return new int[] {x, y, z};
                    }
                }
            }
        }
        throw new AssertionError("label " + label + " is not in the map");
    }

    @Test
    void refusesAFolderThatIsNoProject(@TempDir Path dir) {
        CliTest.Run run = CliTest.attest("metrics", dir.resolve("nothing").toString());
        assertEquals(1, run.exit());
        assertEquals(true, run.err().startsWith("attest: "), run.err());
    }
}
