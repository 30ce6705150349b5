package dev.attest.annotation.metrics.bootstrap;

/**
 * A percentile bootstrap interval.
 *
 * @param lower the (1 − level)/2 quantile of the resampled statistic
 * @param upper the (1 + level)/2 quantile
 * @param level the coverage, e.g. 0.95
 * @param resamples resamples drawn
 * @param validResamples resamples whose statistic was defined (a resample can lack a denominator)
 * @param method always "percentile (case-level)"
 * @param seed the seed the resamples were drawn with
 */
public record ConfidenceInterval(double lower, double upper, double level, int resamples, int validResamples,
        String method, long seed) {

    static final String METHOD = "percentile (case-level)";
}
