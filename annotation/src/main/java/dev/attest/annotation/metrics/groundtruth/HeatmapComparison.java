package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.localisation.EnergyResult;
import java.util.List;

/**
 * A model's heat map against the reviewer's point, box or mask: the pointing game and, for a box or mask, the
 * share of the map's positive energy inside it.
 *
 * @param pair which correction and evidence
 * @param labels the claim's labels (the region in a corrected mask), or the label of the reviewer's box or point
 * @param peak the map's peak voxel (x, y, z), the first maximum in x-fastest order
 * @param peakValue the map's value there
 * @param hit whether the peak voxel's centre lies within toleranceMm of a voxel centre of the reviewer's region
 *     (a point's region is the voxel whose centre is nearest it)
 * @param distanceMm from the peak voxel's centre to the nearest region voxel's centre (+∞ for an empty region)
 * @param toleranceMm the pointing-game tolerance used
 * @param energy positive energy inside the region over all positive energy; null for a point
 */
public record HeatmapComparison(Pairing pair, MaskSelection labels, List<Integer> peak, double peakValue, boolean hit,
        double distanceMm, double toleranceMm, EnergyResult energy) {
    public HeatmapComparison {
        peak = List.copyOf(peak);
    }
}
