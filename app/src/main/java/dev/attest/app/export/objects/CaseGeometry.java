package dev.attest.app.export.objects;

import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.annotation.model.AnnotationKind;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.app.review.CaseImport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The located geometry of a case: every box (the model's box evidence and reviewers' corrected boxes) placed on
 * the image grid, every claim's mask (a label of a label map), and the label maps themselves, read once. What
 * could not be placed is listed as skipped, so one bad record never stops the rest of the case.
 */
final class CaseGeometry {
    /** Where a box came from; the code is what the JSON files say. */
    enum BoxSource {
        MODEL_BOX("model_box"), REVIEWER_BOX("reviewer_box");

        final String code;

        BoxSource(String code) {
            this.code = code;
        }
    }

    /**
     * A box on the image grid.
     *
     * @param claimId  the claim it belongs to, or null for a reviewer's box tied to no claim
     * @param recordId the evidence id (model) or corrected-annotation id (reviewer)
     * @param reviewer the reviewer's pseudonym, "" for the model's
     * @param label    the label value it is for, when known
     */
    record LocatedBox(BoxSource source, Long claimId, long recordId, String reviewer, OptionalInt label, VoxelBox box) {
    }

    /**
     * A claim's mask evidence: one label of one label map.
     *
     * @param onImageGrid whether the map lies on the case image's grid (only then can boxes be derived from it)
     */
    record ClaimMask(long claimId, long evidenceId, LabelMap map, int label, boolean onImageGrid) {
    }

    final List<LocatedBox> boxes = new ArrayList<>();
    final List<ClaimMask> masks = new ArrayList<>();
    final Map<ArtifactRef, LabelMap> labelMaps = new LinkedHashMap<>();
    final List<CaseObjects.Skipped> skipped = new ArrayList<>();

    private CaseGeometry() {
    }

    static CaseGeometry collect(CaseRecords records, CaseObjectsInput in) {
        CaseGeometry g = new CaseGeometry();
        Map<ArtifactRef, Boolean> unreadable = new LinkedHashMap<>();
        for (Claim claim : records.claims()) {
            for (Evidence e : records.evidence().get(claim.id())) {
                if (e.kind() == EvidenceKind.BOX) {
                    g.place(BoxSource.MODEL_BOX, claim.id(), e.id(), "", e.geometryJson(), "evidence " + e.id(),
                            claim.labelValue(), in);
                } else if (e.kind() == EvidenceKind.MASK && e.artifact() != null) {
                    g.addMask(claim, e, in, unreadable);
                }
            }
        }
        for (CorrectedAnnotation c : records.corrections()) {
            if (c.kind() == AnnotationKind.BOX) {
                Integer claimLabel = c.claimId() == null ? null : records.claims().stream()
                        .filter(cl -> cl.id() == c.claimId()).findFirst().map(Claim::labelValue).orElse(null);
                g.place(BoxSource.REVIEWER_BOX, c.claimId(), c.id(), in.pseudonymOf(c.editorId()), c.geometryJson(),
                        "corrected annotation " + c.id(), claimLabel, in);
            }
        }
        return g;
    }

    private void place(BoxSource source, Long claimId, long recordId, String reviewer, String json, String what,
                       Integer claimLabel, CaseObjectsInput in) {
        try {
            BoxGeometry b = BoxGeometry.parse(json, in.imageGrid(), what);
            OptionalInt label = b.label().isPresent() ? b.label()
                    : claimLabel != null && claimLabel > 0 ? OptionalInt.of(claimLabel) : OptionalInt.empty();
            boxes.add(new LocatedBox(source, claimId, recordId, reviewer, label, b.box()));
        } catch (BoxGeometry.InvalidBoxException e) {
            skipped.add(new CaseObjects.Skipped(ObjectKind.COCO, e.reason(), e.getMessage()));
        }
    }

    private void addMask(Claim claim, Evidence e, CaseObjectsInput in, Map<ArtifactRef, Boolean> unreadable) {
        if (isRegion(e)) {
            // A phrase's half or part of an organ, stored as its own 0/1 map: value 1 there is no label of the
            // model's vocabulary, so it would name a wrong category; the phrase's box evidence stands for it.
            skipped.add(new CaseObjects.Skipped(ObjectKind.COCO, SkipReason.REGION_MASK, "evidence " + e.id()));
            return;
        }
        Optional<LabelMap> map = labelMap(e.artifact(), in, unreadable);
        if (map.isEmpty()) {
            return;
        }
        OptionalInt label;
        try {
            label = CaseImport.target(e).map(t -> OptionalInt.of(t.labelValue())).orElse(OptionalInt.empty());
        } catch (IllegalArgumentException bad) {
            label = OptionalInt.empty();
        }
        if (label.isEmpty() && claim.labelValue() != null) {
            label = OptionalInt.of(claim.labelValue());
        }
        if (label.isEmpty()) {
            skipped.add(new CaseObjects.Skipped(ObjectKind.COCO, SkipReason.BAD_GEOMETRY, "evidence " + e.id()
                    + ": mask evidence names no label value"));
            return;
        }
        boolean onGrid = map.get().labels().grid().sameGeometry(in.imageGrid(), SAME_GRID_MM);
        if (!onGrid) {
            skipped.add(new CaseObjects.Skipped(ObjectKind.COCO, SkipReason.LABELS_OFF_IMAGE_GRID, "evidence " + e.id()));
        }
        masks.add(new ClaimMask(claim.id(), e.id(), map.get(), label.getAsInt(), onGrid));
    }

    /** Whether mask evidence is a region mask of its own ({@code "region": true} in its method JSON). */
    static boolean isRegion(Evidence e) {
        if (e.methodJson() == null) {
            return false;
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.methodJson()).path("region").asBoolean(false);
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Voxel centres of two grids may differ this much from rounding in file headers and still be one grid. */
    static final double SAME_GRID_MM = 1e-3;

    private Optional<LabelMap> labelMap(ArtifactRef ref, CaseObjectsInput in, Map<ArtifactRef, Boolean> unreadable) {
        LabelMap known = labelMaps.get(ref);
        if (known != null) {
            return Optional.of(known);
        }
        if (unreadable.containsKey(ref)) {
            return Optional.empty();
        }
        try {
            LabelMap map = LabelMap.load(in.store(), ref);
            labelMaps.put(ref, map);
            return Optional.of(map);
        } catch (IOException | RuntimeException e) {
            // The detail names the artifact by its project path only: an exception message may hold absolute paths.
            unreadable.put(ref, true);
            skipped.add(new CaseObjects.Skipped(ObjectKind.SEG, SkipReason.UNREADABLE_LABEL_MAP, ref.relativePath()));
            return Optional.empty();
        }
    }

    /** The claim's boxes from one source, in record order. */
    List<LocatedBox> boxesOf(long claimId, BoxSource source) {
        return boxes.stream().filter(b -> b.source() == source && b.claimId() != null && b.claimId() == claimId).toList();
    }

    /** The claim's masks that boxes can be derived from (those on the image grid). */
    List<ClaimMask> masksOf(long claimId) {
        return masks.stream().filter(m -> m.claimId() == claimId && m.onImageGrid()).toList();
    }

    /** Every mask of the claim, wherever its label map lies: what the SR refers to through the SEG. */
    List<ClaimMask> allMasksOf(long claimId) {
        return masks.stream().filter(m -> m.claimId() == claimId).toList();
    }

    /** The masks on the image grid, for boxes. */
    List<ClaimMask> onGridMasks() {
        return masks.stream().filter(ClaimMask::onImageGrid).toList();
    }
}
