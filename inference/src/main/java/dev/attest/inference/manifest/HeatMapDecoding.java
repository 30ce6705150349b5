package dev.attest.inference.manifest;

/**
 * How a grounding heat map becomes a result: the value (after the output's activation, on the slice
 * grid) at or above which a pixel belongs to the grounded region.
 */
public record HeatMapDecoding(double threshold) {
}
