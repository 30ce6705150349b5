package dev.attest.annotation.metrics.localisation;

/**
 * Energy-based pointing: the share of a heat map's positive mass that lies on the reference region.
 *
 * @param fraction inside / total (NaN when the map has no positive value)
 * @param inside the sum of the map's positive values on the region
 * @param total the sum of all its positive values
 */
public record EnergyResult(double fraction, double inside, double total) {
}
