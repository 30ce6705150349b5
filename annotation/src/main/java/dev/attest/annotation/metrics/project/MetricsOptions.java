package dev.attest.annotation.metrics.project;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;

/**
 * How claim-level metrics are computed.
 *
 * @param bootstrap resamples, interval level and seed of the case-level bootstrap
 * @param partialCountsAsCorrect whether a "partially correct" verdict counts as correct (and not as an error);
 *     off by default, so precision is that of fully correct claims
 */
public record MetricsOptions(BootstrapOptions bootstrap, boolean partialCountsAsCorrect) {

    /** 2000 resamples, 95%, the default seed; partially correct is not correct. */
    public static final MetricsOptions DEFAULT = new MetricsOptions(BootstrapOptions.DEFAULT, false);
}
