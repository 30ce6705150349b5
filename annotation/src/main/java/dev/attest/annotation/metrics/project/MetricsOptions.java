package dev.attest.annotation.metrics.project;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.groundtruth.GroundTruthOptions;
import java.util.Objects;

/**
 * How project metrics are computed.
 *
 * @param bootstrap resamples, interval level and seed of the case-level bootstrap
 * @param partialCountsAsCorrect whether a "partially correct" verdict counts as correct (and not as an error);
 *     off by default, so precision is that of fully correct claims
 * @param groundTruth surface Dice tolerance, Hausdorff percentile and pointing-game tolerance of the comparisons
 *     of model evidence with reviewers' corrections
 */
public record MetricsOptions(BootstrapOptions bootstrap, boolean partialCountsAsCorrect, GroundTruthOptions groundTruth) {

    /** 2000 resamples, 95%, the default seed; partially correct is not correct; τ 1 mm, HD95, pointing 5 mm. */
    public static final MetricsOptions DEFAULT = new MetricsOptions(BootstrapOptions.DEFAULT, false);

    public MetricsOptions {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(groundTruth, "groundTruth");
    }

    /** Options with the default ground-truth comparison settings. */
    public MetricsOptions(BootstrapOptions bootstrap, boolean partialCountsAsCorrect) {
        this(bootstrap, partialCountsAsCorrect, GroundTruthOptions.DEFAULT);
    }
}
