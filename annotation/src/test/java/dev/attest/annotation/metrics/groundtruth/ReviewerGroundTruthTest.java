package dev.attest.annotation.metrics.groundtruth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.metrics.TestVolumes;
import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.bootstrap.Estimate;
import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.annotation.metrics.segmentation.EmptyMasks;
import dev.attest.annotation.metrics.segmentation.LabelMetrics;
import dev.attest.annotation.model.CorrectedAnnotation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model evidence of {@link CorrectedProject} against its reviewers' corrections; every value is checked against
 * tools/reference/make_ground_truth_metric_refs.py (numpy + scipy on the same arrays) and derived by hand in
 * the fixture's table.
 */
class ReviewerGroundTruthTest {
    private static final double EXACT = 1e-12;

    @TempDir
    static Path dir;
    static CorrectedProject project;
    static GroundTruthMetrics metrics;
    static JsonNode reference;

    @BeforeAll
    static void measure() throws IOException {
        project = CorrectedProject.create(dir.resolve("project"), dir);
        metrics = ReviewerGroundTruth.compute(project.store(), GroundTruthOptions.DEFAULT, BootstrapOptions.DEFAULT);
        reference = new ObjectMapper().readTree(TestVolumes.resource("reference/metrics/ground_truth_project.json").toFile());
    }

    private static long id(String correction) {
        return project.corrections().get(correction).id();
    }

    private static double number(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }

    private static void assertNumber(JsonNode expected, double actual, String what) {
        assertEquals(number(expected), actual, EXACT, what);
    }

    private static MaskComparison mask(String correction) {
        return metrics.masks().stream().filter(m -> m.pair().correctionId() == id(correction)).findFirst().orElseThrow();
    }

    private static BoxComparison box(String correction) {
        return metrics.boxes().stream().filter(m -> m.pair().correctionId() == id(correction)).findFirst().orElseThrow();
    }

    private static HeatmapComparison heatmap(GroundTruthMetrics from, String correction) {
        return from.heatmaps().stream().filter(m -> m.pair().correctionId() == id(correction)).findFirst()
                .orElseThrow();
    }

    @Test
    void modelMasksAgainstCorrectedMasksMatchTheNumpyReference() {
        assertEquals(List.of(id("C1"), id("C4"), id("C5")),
                metrics.masks().stream().map(m -> m.pair().correctionId()).toList());
        for (String c : List.of("C1", "C4", "C5")) {
            JsonNode ref = reference.at("/masks/" + c);
            LabelMetrics m = mask(c).metrics();
            assertEquals(MaskSelection.of(ref.get("label").asInt()), mask(c).labels(), c);
            assertEquals(ref.get("label").asInt(), m.label(), c);
            assertEquals(ref.get("predictionVoxels").asLong(), m.predictionVoxels(), c);
            assertEquals(ref.get("referenceVoxels").asLong(), m.referenceVoxels(), c);
            assertEquals(ref.get("overlapVoxels").asLong(), m.overlapVoxels(), c);
            assertNumber(ref.get("dice"), m.dice(), c + " dice");
            assertNumber(ref.get("iou"), m.iou(), c + " iou");
            assertNumber(ref.get("hausdorff"), m.hausdorff(), c + " hausdorff");
            assertNumber(ref.get("hausdorff95"), m.hausdorff95(), c + " hd95");
            assertNumber(ref.get("asdPredictionToReference"), m.asdPredictionToReference(), c + " asd p->r");
            assertNumber(ref.get("asdReferenceToPrediction"), m.asdReferenceToPrediction(), c + " asd r->p");
            assertNumber(ref.get("surfaceDice"), m.surfaceDice(), c + " nsd");
        }
        // By hand: label 1 moved one 1.5 mm voxel along x: overlap 24 of 32 + 32, and every surface point
        // within one voxel step in x, the whole trailing face exactly 1.5 mm away.
        assertEquals(0.75, mask("C1").metrics().dice());
        assertEquals(0.6, mask("C1").metrics().iou());
        assertEquals(1.5, mask("C1").metrics().hausdorff95());
        assertEquals(EmptyMasks.REFERENCE, mask("C5").metrics().empty());
        Pairing p = mask("C1").pair();
        assertEquals(new Pairing(id("C1"), "mask", project.corrections().get("C1").editorId(), project.evidence().get("e1").id(), "mask",
                project.evidence().get("e1").claimId(), project.cases().get(0).id(), "study-1", "organs"), p);
    }

    @Test
    void modelBoxesAgainstCorrectedBoxesAndMasksMatchTheReference() {
        assertEquals(List.of(id("C2"), id("C6"), id("C14"), id("C15")),
                metrics.boxes().stream().map(m -> m.pair().correctionId()).toList());
        for (String c : List.of("C2", "C6", "C14", "C15")) {
            JsonNode ref = reference.at("/boxes/" + c);
            BoxComparison b = box(c);
            assertNumber(ref.get("iou"), b.scores().iou(), c + " iou");
            assertNumber(ref.get("pixelPrecision"), b.scores().pixelPrecision(), c + " precision");
            assertNumber(ref.get("pixelRecall"), b.scores().pixelRecall(), c + " recall");
            assertEquals(ref.get("predictedVoxels").asLong(), b.scores().predictedVoxels(), c);
            assertEquals(ref.get("referenceVoxels").asLong(), b.scores().referenceVoxels(), c);
            assertEquals(ref.get("overlapVoxels").asLong(), b.scores().overlapVoxels(), c);
        }
        // C2: the bounding box of mask label 2 (3 x 3 x 2) inside the reviewer's 4 x 3 x 2 box.
        assertEquals(new VoxelBox(8, 6, 0, 11, 9, 2), box("C2").predicted());
        assertEquals(new VoxelBox(8, 6, 0, 12, 9, 2), box("C2").reference());
        assertEquals("mask", box("C2").pair().evidenceKind());
        assertEquals(List.of(2), box("C2").labels().labels());
        // C14: box evidence against a corrected mask: no reviewer box, the label's voxels are the reference.
        assertEquals(new VoxelBox(8, 1, 2, 10, 3, 4), box("C14").predicted());
        assertNull(box("C14").reference());
        assertEquals(1.0 / 3, box("C14").scores().iou(), EXACT);
        // C15: the model's mask lacks label 4, so it has no box: IoU 0, precision undefined, recall 0.
        assertNull(box("C15").predicted());
        assertEquals(0.0, box("C15").scores().iou());
        assertTrue(Double.isNaN(box("C15").scores().pixelPrecision()));
    }

    @Test
    void heatMapsPlayThePointingGameWithAStatedTolerance() throws IOException {
        assertEquals(List.of(id("C2"), id("C3")), metrics.heatmaps().stream().map(m -> m.pair().correctionId()).toList());
        for (String c : List.of("C2", "C3")) {
            JsonNode ref = reference.at("/heatmaps/" + c);
            HeatmapComparison h = heatmap(metrics, c);
            assertEquals(List.of(ref.at("/peak/0").asInt(), ref.at("/peak/1").asInt(), ref.at("/peak/2").asInt()),
                    h.peak(), c);
            assertNumber(ref.get("peakValue"), h.peakValue(), c + " peak");
            assertNumber(ref.get("distanceMm"), h.distanceMm(), c + " distance");
            assertEquals(ref.at("/hit/5.0").asBoolean(), h.hit(), c + " hit at 5 mm");
            assertEquals(5.0, h.toleranceMm());
            assertEquals(project.evidence().get("h2").id(), h.pair().evidenceId());
        }
        // The box holds the peak and 7 of the 8 units of positive energy (the -3 does not count).
        JsonNode energy = reference.at("/heatmaps/C2/energy");
        assertNumber(energy.get("fraction"), heatmap(metrics, "C2").energy().fraction(), "energy");
        assertNumber(energy.get("total"), heatmap(metrics, "C2").energy().total(), "total");
        assertEquals(0.875, heatmap(metrics, "C2").energy().fraction());
        // A point is one voxel: no energy; the peak lies one 2 mm slice below it.
        assertNull(heatmap(metrics, "C3").energy());
        assertEquals(2.0, heatmap(metrics, "C3").distanceMm());

        GroundTruthMetrics strict = ReviewerGroundTruth.compute(project.store(), new GroundTruthOptions(1, 95, 0),
                BootstrapOptions.DEFAULT);
        assertEquals(reference.at("/heatmaps/C3/hit/0.0").asBoolean(), heatmap(strict, "C3").hit());
        assertEquals(true, heatmap(strict, "C2").hit());
        assertEquals(0.5, strict.overall().heatmaps().pointingGame().value());
    }

    @Test
    void everyCorrectionThatCannotBeMeasuredIsSkippedWithItsReasonAndTheRestGoOn() {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (SkippedComparison s : metrics.skipped()) {
            String name = project.corrections().entrySet().stream().filter(e -> e.getValue().id() == s.correctionId())
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            reasons.put(name, s.reason().code());
        }
        assertEquals(Map.of("C1", "grid_mismatch", "C7", "grid_mismatch", "C8", "grid_mismatch",
                "C9", "artifact_changed", "C10", "artifact_missing", "C11", "no_evidence", "C12", "label_mismatch",
                "C13", "no_comparable_evidence"), reasons);
        assertEquals(8, metrics.skipped().size());
        // C1's heat map lies on a 6 x 5 x 2 grid: that pairing is skipped, its mask comparison stays.
        SkippedComparison c1 = metrics.skipped().get(0);
        assertEquals(project.evidence().get("h1").id(), c1.evidenceId());
        assertEquals("organs", c1.model());
        assertTrue(c1.detail().startsWith("correction " + id("C1") + " (mask) against evidence " + c1.evidenceId()
                + " (heatmap): 'artifacts/c1-heat-liver.nii.gz'"), c1.detail());
        SkippedComparison c11 = skip("C11");
        assertNull(c11.evidenceId());
        assertEquals("(none)", c11.model());
        assertTrue(skip("C9").detail().contains("artifacts/c2-changed.nii.gz has sha256 "), skip("C9").detail());
        assertTrue(skip("C7").detail().startsWith("correction " + id("C7") + " (box) and evidence "),
                skip("C7").detail());
        // No skip names the machine's folders: the report reads the same wherever the project lies.
        metrics.skipped().forEach(s -> assertTrue(!s.detail().contains(dir.toString()), s.detail()));
    }

    private static SkippedComparison skip(String correction) {
        return metrics.skipped().stream().filter(s -> s.correctionId() == id(correction)).findFirst().orElseThrow();
    }

    @Test
    void summariesAreMeansWithCaseLevelIntervalsSplitLikeTheClaimTables() {
        GroundTruthSummary all = metrics.overall();
        JsonNode s = reference.get("summary");
        assertEquals(2, all.cases());
        assertEquals(8, all.corrections());
        assertEquals(8, all.skipped());
        assertEquals(3, all.masks().comparisons());
        assertMean(s.at("/masks/dice"), 3, all.masks().dice());
        assertMean(s.at("/masks/iou"), 3, all.masks().iou());
        assertMean(s.at("/masks/surfaceDice"), 3, all.masks().surfaceDice());
        // HD95 is +Infinity where the reviewer erased the label: left out of the mean, counted as empty.
        assertMean(s.at("/masks/hausdorff95"), 2, all.masks().hausdorff95());
        assertEquals(Map.of("neither", 2, "both", 0, "reference", 1, "prediction", 0), all.masks().empty());
        assertMean(s.at("/boxes/iou"), 4, all.boxes().iou());
        // The absent model box has no precision: left out of that mean only.
        assertMean(s.at("/boxes/pixelPrecision"), 3, all.boxes().pixelPrecision());
        assertMean(s.at("/boxes/pixelRecall"), 4, all.boxes().pixelRecall());
        assertEquals(1, all.boxes().emptyPredictions());
        assertMean(s.at("/heatmaps/pointingGame"), 2, all.heatmaps().pointingGame());
        assertMean(s.at("/heatmaps/energyInRegion"), 1, all.heatmaps().energyInRegion());

        // Two cases: a resample draws c1 twice, c2 twice or one of each, so the 2.5% and 97.5% quantiles of
        // 2000 resamples are the two case means. Resampling comparisons instead would reach Dice 0 and 1.
        assertEquals(s.at("/maskDiceByCase/c2").asDouble(), all.masks().dice().ci().lower(), EXACT);
        assertEquals(s.at("/maskDiceByCase/c1").asDouble(), all.masks().dice().ci().upper(), EXACT);
        assertEquals(s.at("/boxIouByCase/c2").asDouble(), all.boxes().iou().ci().lower(), EXACT);
        assertEquals(s.at("/boxIouByCase/c1").asDouble(), all.boxes().iou().ci().upper(), EXACT);

        Map<String, Map<String, GroundTruthSummary>> strata = metrics.strata();
        assertEquals(List.of("site", "scanner", "modality", "model"), List.copyOf(strata.keySet()));
        assertEquals(List.of("north", "south"), List.copyOf(strata.get("site").keySet()));
        assertEquals(List.of("(none)", "nodules", "organs"), List.copyOf(strata.get("model").keySet()));
        GroundTruthSummary north = strata.get("site").get("north");
        assertEquals(0.75, north.masks().dice().value());
        // One case: every resample is that case, so the interval collapses onto the value.
        assertEquals(0.75, north.masks().dice().ci().lower());
        assertEquals(0.75, north.masks().dice().ci().upper());
        assertEquals(1, north.skipped());
        GroundTruthSummary nodules = strata.get("model").get("nodules");
        assertEquals(0.5, nodules.masks().dice().value());
        assertEquals(0, nodules.heatmaps().comparisons());
        assertTrue(Double.isNaN(nodules.heatmaps().pointingGame().value()));
        assertEquals(6, nodules.skipped());
        GroundTruthSummary none = strata.get("model").get("(none)");
        assertEquals(0, none.cases());
        assertEquals(1, none.skipped());
        assertEquals(metrics.overall().masks(), strata.get("scanner").get("S1").masks());
    }

    private static void assertMean(JsonNode expected, int count, Estimate e) {
        assertEquals(expected.asDouble(), e.value(), EXACT);
        assertEquals(count, e.denominator(), EXACT);
        assertEquals(expected.asDouble() * count, e.numerator(), 1e-9);
        assertTrue(e.ci().lower() <= e.value() && e.value() <= e.ci().upper(), e.toString());
    }

    @Test
    void everyCorrectionIsMeasuredOrSkipped() {
        List<Long> accounted = new java.util.ArrayList<>();
        metrics.masks().forEach(m -> accounted.add(m.pair().correctionId()));
        metrics.boxes().forEach(m -> accounted.add(m.pair().correctionId()));
        metrics.heatmaps().forEach(m -> accounted.add(m.pair().correctionId()));
        metrics.skipped().forEach(m -> accounted.add(m.correctionId()));
        assertEquals(project.corrections().values().stream().map(CorrectedAnnotation::id).sorted().toList(),
                accounted.stream().distinct().sorted().toList());
        assertEquals(15, project.corrections().values().stream().collect(Collectors.toSet()).size());
    }
    @Test
    void oneCaseAloneGivesTheRowsOfThatCaseInTheProjectsMeasurement() {
        for (var c : project.cases()) {
            CaseGroundTruth one = ReviewerGroundTruth.compareCase(project.store(), c.id(), GroundTruthOptions.DEFAULT);
            assertEquals(metrics.masks().stream().filter(m -> m.pair().caseId() == c.id()).toList(), one.masks());
            assertEquals(metrics.boxes().stream().filter(m -> m.pair().caseId() == c.id()).toList(), one.boxes());
            assertEquals(metrics.heatmaps().stream().filter(m -> m.pair().caseId() == c.id()).toList(), one.heatmaps());
            assertEquals(metrics.skipped().stream().filter(m -> m.caseId() == c.id()).toList(), one.skipped());
        }
        // study-1: C1 mask and C2 box measured, C1 against h1 skipped (grid), C3 against h2 a pointing game.
        CaseGroundTruth first = ReviewerGroundTruth.compareCase(project.store(), project.cases().get(0).id(),
                GroundTruthOptions.DEFAULT);
        assertEquals(List.of(id("C1")), first.masks().stream().map(m -> m.pair().correctionId()).toList());
        assertEquals(List.of(id("C2"), id("C3")), first.heatmaps().stream().map(m -> m.pair().correctionId()).toList());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReviewerGroundTruth.compareCase(project.store(), 999, GroundTruthOptions.DEFAULT));
        assertTrue(e.getMessage().endsWith(" has no case 999"), e.getMessage());
    }
}
