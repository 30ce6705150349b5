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
 *                                                  mask label's bounding box
 * box                     box IoU, pixel P/R       box IoU, pixel P/R           -
 *                         against the mask label
 * heatmap                 pointing game, energy    pointing game, energy        pointing game
 * </pre>
 *
 * Each comparison either adds a row to the {@link Rows} or throws {@link ComparisonSkipped} saying why not.
 */
final class EvidenceComparer {
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
        int label = records.maskLabel(e);
        Volume model = artifacts.load(artifactOf(e), evidenceName(e));
        Volume corrected = artifacts.load(artifactOf(c), correctionName(c));
        SegmentationOptions seg = new SegmentationOptions(options.surfaceToleranceMm(), options.hausdorffPercentile(),
                List.of(label));
        LabelMetrics m = SegmentationMetrics.compare(model, corrected, seg).label(label);
        rows.masks().add(new MaskComparison(pair, label, m));
    }

    private void maskBoundsAgainstBox(Pairing pair, CorrectedAnnotation c, Evidence e, CaseRecords records)
            throws ComparisonSkipped {
        int label = records.maskLabel(e);
        BoxGeometry reviewer = BoxGeometry.parse(c.geometryJson(), correctionName(c));
        requireSameLabel(reviewer.label(), label, c, "evidence " + e.id() + "'s label");
        Volume model = artifacts.load(artifactOf(e), evidenceName(e));
        reviewer.requireOn(model.grid(), correctionName(c), "the mask of " + evidenceName(e));
        VoxelBox predicted = boundsOf(model, label);
        BoxScores scores = BoxMetrics.compare(predicted != null ? predicted : new VoxelBox(0, 0, 0, 0, 0, 0),
                reviewer.voxels());
        rows.boxes().add(new BoxComparison(pair, label, predicted, reviewer.voxels(), scores));
    }

    private void boxAgainstMask(Pairing pair, CorrectedAnnotation c, Evidence e, Claim claim, CaseRecords records)
            throws ComparisonSkipped {
        BoxGeometry model = BoxGeometry.parse(e.geometryJson(), evidenceName(e));
        int label = CaseRecords.requireLabel(model.label() != null ? model.label() : records.claimLabel(claim),
                evidenceName(e));
        Volume corrected = artifacts.load(artifactOf(c), correctionName(c));
        model.requireOn(corrected.grid(), evidenceName(e), "the corrected mask of " + correctionName(c));
        rows.boxes().add(new BoxComparison(pair, label, model.voxels(), null,
                BoxMetrics.compare(model.voxels(), corrected, label)));
    }

    private void boxAgainstBox(Pairing pair, CorrectedAnnotation c, Evidence e, Claim claim, CaseRecords records)
            throws ComparisonSkipped {
        BoxGeometry model = BoxGeometry.parse(e.geometryJson(), evidenceName(e));
        BoxGeometry reviewer = BoxGeometry.parse(c.geometryJson(), correctionName(c));
        Integer label = model.label() != null ? model.label() : records.claimLabel(claim);
        requireSameLabel(reviewer.label(), label, c, evidenceName(e) + "'s label");
        if (!BoxFrames.couldShareAGrid(model, reviewer)) {
            throw new ComparisonSkipped(SkipReason.GRID_MISMATCH, correctionName(c) + " and " + evidenceName(e)
                    + " were drawn on different grids: no one grid places both boxes' corner voxels at their LPS"
                    + " corners (" + describe(reviewer) + "; " + describe(model) + ")");
        }
        rows.boxes().add(new BoxComparison(pair, reviewer.label() != null ? reviewer.label() : label, model.voxels(),
                reviewer.voxels(), BoxMetrics.compare(model.voxels(), reviewer.voxels())));
    }

    private void heatmapAgainst(Pairing pair, CorrectedAnnotation c, Evidence e, Claim claim, CaseRecords records)
            throws ComparisonSkipped {
        Volume map = artifacts.load(artifactOf(e), evidenceName(e));
        Integer claimLabel = records.claimLabel(claim);
        String mapName = "the heat map of " + evidenceName(e);
        Volume region;
        int regionLabel;
        Integer label;
        boolean energy = true;
        switch (c.kind()) {
            case MASK -> {
                label = CaseRecords.requireLabel(claimLabel, "claim " + claim.id() + " of " + evidenceName(e));
                region = artifacts.load(artifactOf(c), correctionName(c));
                regionLabel = label;
            }
            case BOX -> {
                BoxGeometry box = BoxGeometry.parse(c.geometryJson(), correctionName(c));
                requireSameLabel(box.label(), claimLabel, c, "claim " + claim.id() + "'s label");
                box.requireOn(map.grid(), correctionName(c), mapName);
                label = box.label() != null ? box.label() : claimLabel;
                region = regionOn(map.grid(), box.voxels());
                regionLabel = 1;
            }
            case POINT -> {
                PointGeometry point = PointGeometry.parse(c.geometryJson(), correctionName(c));
                requireSameLabel(point.label(), claimLabel, c, "claim " + claim.id() + "'s label");
                int[] v = point.voxelOn(map.grid(), correctionName(c), mapName);
                label = point.label() != null ? point.label() : claimLabel;
                region = regionOn(map.grid(), new VoxelBox(v[0], v[1], v[2], v[0] + 1, v[1] + 1, v[2] + 1));
                regionLabel = 1;
                // Energy on one voxel says little about a map whose mass spreads over a lesion.
                energy = false;
            }
            default -> throw new IllegalStateException("unknown correction kind " + c.kind());
        }
        PointingResult p = HeatmapMetrics.pointingGame(map, region, regionLabel, options.pointingToleranceMm());
        EnergyResult inside = energy ? HeatmapMetrics.energyInRegion(map, region, regionLabel) : null;
        rows.heatmaps().add(new HeatmapComparison(pair, label, List.of(p.peak()[0], p.peak()[1], p.peak()[2]),
                p.peakValue(), p.hit(), p.distanceMm(), p.toleranceMm(), inside));
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

    /** The smallest box holding every voxel labelled label, or null when there is none. */
    static VoxelBox boundsOf(Volume labels, int label) {
        ImageGrid g = labels.grid();
        LabelReader reader = new LabelReader(labels, String.valueOf(labels.properties().get("source.file")));
        int[] row = new int[g.sizeX()];
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                reader.readRow(y, z, row);
                for (int x = 0; x < g.sizeX(); x++) {
                    if (row[x] == label) {
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

    private static void requireSameLabel(Integer marked, Integer expected, CorrectedAnnotation c, String expectedName)
            throws ComparisonSkipped {
        if (marked != null && expected != null && !marked.equals(expected)) {
            throw new ComparisonSkipped(SkipReason.LABEL_MISMATCH, correctionName(c) + " marks label " + marked
                    + ", not " + expectedName + " " + expected);
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
