package dev.attest.annotation.metrics.localisation;

/**
 * The pointing game for one heat map: does its peak fall on the reference region?
 *
 * @param hit true when the peak voxel's centre is within the tolerance of a reference voxel's centre (inside
 *     the region when the tolerance is 0)
 * @param peak the peak voxel (x, y, z); the first in x-fastest order when several share the maximum
 * @param peakValue the map's value there
 * @param distanceMm from the peak voxel's centre to the nearest reference voxel's centre (0 inside, +∞ when the
 *     reference region is empty)
 * @param toleranceMm the tolerance used
 */
public record PointingResult(boolean hit, int[] peak, double peakValue, double distanceMm, double toleranceMm) {
}
