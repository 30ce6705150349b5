package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.localisation.EnergyResult;
import java.util.List;

/**
 * A model's heat map against the reviewer's point, box or mask: the pointing game and, for a box or mask, the
 * share of the map's positive energy inside it.
 *
 * @param pair which correction and evidence
 * @param label the claim's label (the region in a corrected mask), or null when only a box or point was compared
 * @param peak the map's peak voxel (x, y, z), the first maximum in x-fastest order
 * @param peakValue the map's value there
 * @param hit whether the peak voxel's centre lies within toleranceMm of a voxel centre of the reviewer's region
 *     (a point's region is the voxel whose centre is nearest it)
 * @param distanceMm from the peak voxel's centre to the nearest region voxel's centre (+∞ for an empty region)
 * @param toleranceMm the pointing-game tolerance used
 * @param energy positive energy inside the region over all positive energy; null for a point
 */
public record HeatmapComparison(Pairing pair, Integer label, List<Integer> peak, double peakValue, boolean hit,
        double distanceMm, double toleranceMm, EnergyResult energy) {
    public HeatmapComparison {
        peak = List.copyOf(peak);
    }
}
