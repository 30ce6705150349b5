package dev.attest.annotation.metrics.localisation;

import dev.attest.annotation.metrics.MetricInputException;
import dev.attest.annotation.metrics.SameGrid;
import dev.attest.annotation.metrics.segmentation.LabelReader;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;

/**
 * Heat-map localisation against a reference region on the same grid: the pointing game (Zhang et al., 2016,
 * with an optional tolerance in mm) and energy in region (the share of positive saliency on the region, as
 * Score-CAM's energy-based pointing game defines it). Negative map values are ignored, since a signed
 * saliency's negative part argues against the region rather than pointing at it.
 */
public final class HeatmapMetrics {
    private HeatmapMetrics() {
    }

    /**
     * Whether the map's peak lies on the voxels of reference labelled label ({@link BoxMetrics#ANY_LABEL}:
     * any non-zero label), or within toleranceMm of one.
     */
    public static PointingResult pointingGame(Volume map, Volume reference, int label, double toleranceMm) {
        if (!(toleranceMm >= 0)) {
            throw new IllegalArgumentException("the tolerance must be >= 0 mm, got " + toleranceMm);
        }
        ImageGrid g = SameGrid.require(map, reference);
        int[] peak = null;
        double best = Double.NEGATIVE_INFINITY;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    double v = map.getPhysical(x, y, z);
                    if (v > best) {
                        best = v;
                        peak = new int[] {x, y, z};
                    }
                }
            }
        }
        if (peak == null) {
            throw new MetricInputException("'" + SameGrid.describe(map) + "' holds no finite value to point with");
        }
        Vec3 s = g.spacing();
        LabelReader labels = new LabelReader(reference, SameGrid.describe(reference));
        int[] row = new int[g.sizeX()];
        double nearest = Double.POSITIVE_INFINITY;
        for (int z = 0; z < g.sizeZ(); z++) {
            double dz = (z - peak[2]) * s.z();
            for (int y = 0; y < g.sizeY(); y++) {
                double dy = (y - peak[1]) * s.y();
                labels.readRow(y, z, row);
                for (int x = 0; x < g.sizeX(); x++) {
                    if (label == BoxMetrics.ANY_LABEL ? row[x] != 0 : row[x] == label) {
                        double dx = (x - peak[0]) * s.x();
                        nearest = Math.min(nearest, dx * dx + dy * dy + dz * dz);
                    }
                }
            }
        }
        double distance = Math.sqrt(nearest);
        return new PointingResult(distance <= toleranceMm, peak, best, distance, toleranceMm);
    }

    /** The share of the map's positive values that lie on the voxels of reference labelled label. */
    public static EnergyResult energyInRegion(Volume map, Volume reference, int label) {
        ImageGrid g = SameGrid.require(map, reference);
        LabelReader labels = new LabelReader(reference, SameGrid.describe(reference));
        int[] row = new int[g.sizeX()];
        double inside = 0;
        double total = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                labels.readRow(y, z, row);
                for (int x = 0; x < g.sizeX(); x++) {
                    double v = map.getPhysical(x, y, z);
                    if (v > 0) {
                        total += v;
                        if (label == BoxMetrics.ANY_LABEL ? row[x] != 0 : row[x] == label) {
                            inside += v;
                        }
                    }
                }
            }
        }
        return new EnergyResult(total == 0 ? Double.NaN : inside / total, inside, total);
    }
}
