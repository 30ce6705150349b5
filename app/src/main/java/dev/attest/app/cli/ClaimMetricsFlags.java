package dev.attest.app.cli;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.groundtruth.GroundTruthOptions;
import dev.attest.annotation.metrics.project.MetricsOptions;
import picocli.CommandLine.Option;

/**
 * The options of a project's metrics that {@code attest metrics}, {@code attest export} and {@code attest pdf summary}
 * share: bootstrap resamples and seed, and whether partially correct counts as correct. The interval level is the
 * caller's (the PDF always shows 95 %), and so are the ground-truth options (an export records only these).
 */
public final class ClaimMetricsFlags {
    @Option(names = "--resamples", defaultValue = "2000", paramLabel = "N", description = "bootstrap resamples (default 2000)")
    int resamples;

    @Option(names = "--seed", paramLabel = "S", description = "bootstrap seed (default: a fixed seed, so reruns agree)")
    Long seed;

    @Option(names = "--partial-correct", description = "count partially correct verdicts as correct")
    boolean partialCorrect;

    MetricsOptions options(double level, GroundTruthOptions groundTruth) {
        BootstrapOptions bootstrap = new BootstrapOptions(resamples, level,
                seed != null ? seed : BootstrapOptions.DEFAULT.seed());
        return new MetricsOptions(bootstrap, partialCorrect, groundTruth);
    }
}
