package dev.attest.annotation.metrics.bootstrap;

/**
 * A proportion or ratio with its parts and its bootstrap interval.
 *
 * @param value numerator / denominator (NaN when the denominator is 0)
 * @param numerator summed over all cases
 * @param denominator summed over all cases
 * @param ci the case-level percentile bootstrap interval
 */
public record Estimate(double value, double numerator, double denominator, ConfidenceInterval ci) {
}
