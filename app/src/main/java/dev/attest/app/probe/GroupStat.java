package dev.attest.app.probe;

import dev.attest.annotation.metrics.bootstrap.ConfidenceInterval;

/**
 * The mean of one stability measure over the cases of a group.
 *
 * @param mean the mean over the cases where the measure is defined (NaN when none is)
 * @param n    how many cases it is defined for
 * @param ci   the case-level percentile bootstrap interval of the mean, or null when n &lt; 2
 */
public record GroupStat(double mean, int n, ConfidenceInterval ci) {
}
