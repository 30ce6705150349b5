package dev.attest.app.cli;

import dev.attest.annotation.metrics.groundtruth.GroundTruthOptions;
import picocli.CommandLine.Option;

/**
 * The options of the comparisons with reviewers' corrections, shared by {@code attest metrics} and
 * {@code attest pdf summary} so both measure the same way (docs/metrics.md).
 */
public final class GroundTruthFlags {
    @Option(names = "--tau", defaultValue = "1.0", paramLabel = "MM",
            description = "surface Dice (NSD) tolerance of corrected masks in mm (default 1)")
    double tau;

    @Option(names = "--percentile", defaultValue = "95", paramLabel = "P",
            description = "Hausdorff percentile of corrected masks (default 95)")
    double percentile;

    @Option(names = "--pointing-tolerance", defaultValue = "5.0", paramLabel = "MM",
            description = "how far a heat map's peak may lie from the reviewer's point, box or mask and still hit"
                    + " (default 5 mm; 0: inside)")
    double pointingTolerance;

    GroundTruthOptions options() {
        return new GroundTruthOptions(tau, percentile, pointingTolerance);
    }
}
