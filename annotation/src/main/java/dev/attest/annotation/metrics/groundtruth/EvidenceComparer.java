package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.localisation.BoxMetrics;
import dev.attest.annotation.metrics.localisation.BoxScores;
import dev.attest.annotation.metrics.localisation.EnergyResult;
import dev.attest.annotation.metrics.localisation.HeatmapMetrics;
import dev.attest.annotation.metrics.localisation.PointingResult;
import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.annotation.metrics.segmentation.LabelMetrics;
import dev.attest.annotation.metrics.segmentation.LabelReader;
import dev.attest.annotation.metrics.segmentation.SegmentationMetrics;
import dev.attest.annotation.metrics.segmentation.SegmentationOptions;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.util.List;

/**
 * Measures one piece of model evidence against one reviewer correction, by their forms:
 *
 * <pre>
 * evidence \ correction   mask                     box                          point
 * mask                    Dice, IoU, HD95, NSD     box IoU, pixel P/R of the    -
 *                                                  mask's bounding box
 * box                     box IoU, pixel P/R       box IoU, pixel P/R           -
 *                         against the mask's voxels
 * heatmap                 pointing game, energy    pointing game, energy        pointing game
 * </pre>
 *
 * Each comparison either adds a row to the {@link Rows} or throws {@link ComparisonSkipped} saying why not.
 */
final class EvidenceComparer {
    private static final MaskSelection NO_LABEL = new MaskSelection(List.of(), false);

    private final GroundTruthOptions options;
    private final ArtifactVolumes artifacts;
    private final Rows rows;

    EvidenceComparer(GroundTruthOptions options, ArtifactVolumes artifacts, Rows rows) {
        this.options = options;
        this.artifacts = artifacts;
        this.rows = rows;
    }

    /**
     * Compares evidence e with correction c when a metric applies to their forms.
     *
     * @return false when no metric compares the two forms (nothing was added)
     * @throws ComparisonSkipped when a metric applies but cannot be computed
     */
    boolean compare(CorrectedAnnotation c, Evidence e, CaseRecords records) throws ComparisonSkipped {
        Claim claim = records.claim(e.claimId());
        Pairing pair = new Pairing(c.id(), c.kind().code(), c.editorId(), e.id(), e.kind().code(), claim.id(),
                records.reviewCase().id(), records.reviewCase().studyRef(), records.modelOf(claim));
        switch (e.kind()) {
            case MASK -> {
                switch (c.kind()) {
                    case MASK -> maskAgainstMask(pair, c, e, records);
                    case BOX -> maskBoundsAgainstBox(pair, c, e, records);
                    case POINT -> {
                        return false;
                    }
                }
            }
            case BOX -> {
                switch (c.kind()) {
                    case MASK -> boxAgainstMask(pair, c, e, claim, records);
                    case BOX -> boxAgainstBox(pair, c, e, claim, records);
                    case POINT -> {
                        return false;
                    }
                }
            }
            case HEATMAP -> heatmapAgainst(pair, c, e, claim, records);
            case POINT -> {
                return false;
            }
        }
        return true;
    }

    private void maskAgainstMask(Pairing pair, CorrectedAnnotation c, Evidence e, CaseRecords records)
            throws ComparisonSkipped {
        MaskSelection shown = records.maskSelection(e);
        MaskSelection truth = truthFor(shown, e, c);
        Volume model = shown.asSingleLabel(artifacts.load(artifactOf(e), evidenceName(e)));
        Volume corrected = truth.asSingleLabel(artifacts.load(artifactOf(c), correctionName(c)));
        int label = shown.value();
        SegmentationOptions seg = new SegmentationOptions(options.surfaceToleranceMm(), options.hausdorffPercentile(),
                List.of(label));
        LabelMetrics m = SegmentationMetrics.compare(model, corrected, seg).label(label);
        rows.masks().add(new MaskComparison(pair, shown, m));
    }

    private void maskBoundsAgainstBox(Pairing pair, CorrectedAnnotation c, Evidence e, CaseRecords records)
            throws ComparisonSkipped {
        MaskSelection shown = records.maskSelection(e);
        BoxGeometry reviewer = BoxGeometry.parse(c.geometryJson(), correctionName(c));
        requireLabelIn(reviewer.label(), shown, c, evidenceName(e));
        Volume model = artifacts.load(artifactOf(e), evidenceName(e));
        reviewer.requireOn(model.grid(), correctionName(c), "the mask of " + evidenceName(e));
        VoxelBox predicted = boundsOf(model, shown);
        BoxScores scores = BoxMetrics.compare(predicted != null ? predicted : new VoxelBox(0, 0, 0, 0, 0, 0),
                reviewer.voxels());
        rows.boxes().add(new BoxComparison(pair, shown, predicted, reviewer.voxels(), scores));
    }

    private void boxAgainstMask(Pairing pair, CorrectedAnnotation c, Evidence e, Claim claim, CaseRecords records)
            throws ComparisonSkipped {
        BoxGeometry model = BoxGeometry.parse(e.geometryJson(), evidenceName(e));
        MaskSelection truth = model.label() != null ? MaskSelection.of(model.label()) : claimTruth(claim, c, records);
        if (truth == null) {
            throw new ComparisonSkipped(SkipReason.NO_LABEL, evidenceName(e) + ": neither the box nor claim "
                    + claim.id() + " names a label to find in " + correctionName(c));
        }
        Volume corrected = artifacts.load(artifactOf(c), correctionName(c));
        model.requireOn(corrected.grid(), evidenceName(e), "the corrected mask of " + correctionName(c));
        rows.boxes().add(new BoxComparison(pair, truth, model.voxels(), null,
                BoxMetrics.compare(model.voxels(), truth.asSingleLabel(corrected), truth.value())));
    }

    private void boxAgainstBox(Pairing pair, CorrectedAnnotation c, Evidence e, Claim claim, CaseRecords records)
            throws ComparisonSkipped {
        BoxGeometry model = BoxGeometry.parse(e.geometryJson(), evidenceName(e));
        BoxGeometry reviewer = BoxGeometry.parse(c.geometryJson(), correctionName(c));
        MaskSelection labels = model.label() != null ? MaskSelection.of(model.label()) : records.claimLabels(claim);
        requireLabelIn(reviewer.label(), labels, c, evidenceName(e));
        ImageGrid grid = claimGrid(claim, records);
        if (grid != null) {
            // The report code stores a box beside the mask it was measured on: that mask's grid is the box's.
            String gridName = "the grid of claim " + claim.id() + "'s mask";
            model.requireOn(grid, evidenceName(e), gridName);
            reviewer.requireOn(grid, correctionName(c), gridName);
        } else if (!BoxFrames.couldShareAGrid(model, reviewer)) {
            throw new ComparisonSkipped(SkipReason.GRID_MISMATCH, correctionName(c) + " and " + evidenceName(e)
                    + " were drawn on different grids: no one grid places both boxes' corner voxels at their LPS"
                    + " corners (" + describe(reviewer) + "; " + describe(model) + ")");
        }
        MaskSelection shown = reviewer.label() != null ? MaskSelection.of(reviewer.label())
                : labels != null ? labels : NO_LABEL;
        rows.boxes().add(new BoxComparison(pair, shown, model.voxels(), reviewer.voxels(),
                BoxMetrics.compare(model.voxels(), reviewer.voxels())));
    }

    private void heatmapAgainst(Pairing pair, CorrectedAnnotation c, Evidence e, Claim claim, CaseRecords records)
            throws ComparisonSkipped {
        Volume map = artifacts.load(artifactOf(e), evidenceName(e));
        MaskSelection claimLabels = records.claimLabels(claim);
        String mapName = "the heat map of " + evidenceName(e);
        Volume region;
        int regionLabel;
        MaskSelection shown;
        boolean energy = true;
        switch (c.kind()) {
            case MASK -> {
                shown = claimTruth(claim, c, records);
                if (shown == null) {
                    throw new ComparisonSkipped(SkipReason.NO_LABEL, "claim " + claim.id() + " of " + evidenceName(e)
                            + " names no label to find in " + correctionName(c));
                }
                region = shown.asSingleLabel(artifacts.load(artifactOf(c), correctionName(c)));
                regionLabel = shown.value();
            }
            case BOX -> {
                BoxGeometry box = BoxGeometry.parse(c.geometryJson(), correctionName(c));
                requireLabelIn(box.label(), claimLabels, c, "claim " + claim.id());
                box.requireOn(map.grid(), correctionName(c), mapName);
                shown = box.label() != null ? MaskSelection.of(box.label()) : claimLabels != null ? claimLabels : NO_LABEL;
                region = regionOn(map.grid(), box.voxels());
                regionLabel = 1;
            }
            case POINT -> {
                PointGeometry point = PointGeometry.parse(c.geometryJson(), correctionName(c));
                requireLabelIn(point.label(), claimLabels, c, "claim " + claim.id());
                int[] v = point.voxelOn(map.grid(), correctionName(c), mapName);
                shown = point.label() != null ? MaskSelection.of(point.label()) : claimLabels != null ? claimLabels
                        : NO_LABEL;
                region = regionOn(map.grid(), new VoxelBox(v[0], v[1], v[2], v[0] + 1, v[1] + 1, v[2] + 1));
                regionLabel = 1;
                // Energy on one voxel says little about a map whose mass spreads over a lesion.
                energy = false;
            }
            default -> throw new IllegalStateException("unknown correction kind " + c.kind());
        }
        PointingResult p = HeatmapMetrics.pointingGame(map, region, regionLabel, options.pointingToleranceMm());
        EnergyResult inside = energy ? HeatmapMetrics.energyInRegion(map, region, regionLabel) : null;
        rows.heatmaps().add(new HeatmapComparison(pair, shown, List.of(p.peak()[0], p.peak()[1], p.peak()[2]),
                p.peakValue(), p.hit(), p.distanceMm(), p.toleranceMm(), inside));
    }

    /**
     * What of corrected map c is ground truth for mask evidence e showing shown: the same labels; for a region
     * mask, its non-zero voxels, but only when the reviewer edited that very region (its sidecar names the
     * evidence's artifact as the source), since a label map has no label for half an organ.
     */
    private MaskSelection truthFor(MaskSelection shown, Evidence e, CorrectedAnnotation c) throws ComparisonSkipped {
        if (!shown.region()) {
            return shown;
        }
        String source = artifacts.editedFrom(artifactOf(c));
        if (source != null && source.equals(artifactOf(e).sha256())) {
            return shown;
        }
        throw new ComparisonSkipped(SkipReason.UNSUPPORTED_EVIDENCE, evidenceName(e) + " is a region mask (part of"
                + " labels " + shown.labels() + ") but " + correctionName(c) + " was edited from "
                + (source == null ? "a map its sidecar does not name" : "another map (sha256 " + source + ")")
                + ", so no label of it stands for that region");
    }

    /**
     * The ground truth correction c gives for a claim: what of c stands for the claim's first mask evidence
     * ({@link #truthFor}), else the claim's label; null when the claim has neither.
     */
    private MaskSelection claimTruth(Claim claim, CorrectedAnnotation c, CaseRecords records) throws ComparisonSkipped {
        for (Evidence m : records.evidenceOf(claim)) {
            if (m.kind() == EvidenceKind.MASK && m.artifact() != null) {
                return truthFor(records.maskSelection(m), m, c);
            }
        }
        return records.claimLabels(claim);
    }

    /** The grid of the claim's first readable mask evidence, or null when it has none. */
    private ImageGrid claimGrid(Claim claim, CaseRecords records) {
        for (Evidence m : records.evidenceOf(claim)) {
            if (m.kind() == EvidenceKind.MASK && m.artifact() != null) {
                try {
                    return artifacts.load(m.artifact(), evidenceName(m)).grid();
                } catch (ComparisonSkipped unreadable) {
                    // Only a reference for the grid: without it the boxes are checked against each other.
                }
            }
        }
        return null;
    }

    /** A UINT8 map on grid that is 1 inside box. */
    private static Volume regionOn(ImageGrid grid, VoxelBox box) {
        Volume v = Volume.allocate(grid, VoxelType.UINT8);
        for (int z = box.z0(); z < box.z1(); z++) {
            for (int y = box.y0(); y < box.y1(); y++) {
                for (int x = box.x0(); x < box.x1(); x++) {
                    v.setStored(x, y, z, 1);
                }
            }
        }
        return v;
    }

    /** The smallest box holding every voxel the selection picks, or null when there is none. */
    static VoxelBox boundsOf(Volume labels, MaskSelection selection) {
        ImageGrid g = labels.grid();
        LabelReader reader = new LabelReader(labels, String.valueOf(labels.properties().get("source.file")));
        int[] row = new int[g.sizeX()];
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                reader.readRow(y, z, row);
                for (int x = 0; x < g.sizeX(); x++) {
                    if (selection.selects(row[x])) {
                        lo[0] = Math.min(lo[0], x);
                        hi[0] = Math.max(hi[0], x);
                        lo[1] = Math.min(lo[1], y);
                        hi[1] = Math.max(hi[1], y);
                        lo[2] = Math.min(lo[2], z);
                        hi[2] = Math.max(hi[2], z);
                    }
                }
            }
        }
        return hi[0] < 0 ? null : new VoxelBox(lo[0], lo[1], lo[2], hi[0] + 1, hi[1] + 1, hi[2] + 1);
    }

    private static String describe(BoxGeometry b) {
        return GeometryFields.show(b.voxels()) + " at " + GeometryFields.show(b.minLps()) + " to "
                + GeometryFields.show(b.maxLps());
    }

    /** A reviewer's box or point for label marked belongs to another structure than expected shows. */
    private static void requireLabelIn(Integer marked, MaskSelection expected, CorrectedAnnotation c,
            String expectedName) throws ComparisonSkipped {
        if (marked != null && expected != null && !expected.labels().isEmpty() && !expected.labels().contains(marked)) {
            throw new ComparisonSkipped(SkipReason.LABEL_MISMATCH, correctionName(c) + " marks label " + marked
                    + ", not " + expectedName + "'s " + (expected.labels().size() == 1 ? "label " + expected.labels().get(0)
                            : "labels " + expected.labels()));
        }
    }

    private static ArtifactRef artifactOf(Evidence e) throws ComparisonSkipped {
        if (e.artifact() == null) {
            throw new ComparisonSkipped(SkipReason.ARTIFACT_MISSING, evidenceName(e) + " stores no artifact");
        }
        return e.artifact();
    }

    private static ArtifactRef artifactOf(CorrectedAnnotation c) throws ComparisonSkipped {
        if (c.artifact() == null) {
            throw new ComparisonSkipped(SkipReason.ARTIFACT_MISSING, correctionName(c) + " stores no artifact");
        }
        return c.artifact();
    }

    static String evidenceName(Evidence e) {
        return "evidence " + e.id() + " (" + e.kind().code() + ")";
    }

    static String correctionName(CorrectedAnnotation c) {
        return "correction " + c.id() + " (" + c.kind().code() + ")";
    }
}
