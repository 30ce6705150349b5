package dev.attest.app.cli;

import dev.attest.annotation.metrics.project.ProjectMetrics;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code attest metrics PROJECT}: the claim-level metrics of a project with bootstrap intervals and reviewer
 * agreement, and its model evidence against the corrections reviewers stored, overall and by site, scanner,
 * modality and model, as JSON. Opens the project read-only.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Claim-level metrics, reviewer agreement and evidence against reviewers' corrections of a"
                + " project, with intervals (JSON; read-only).")
public final class MetricsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @picocli.CommandLine.Mixin
    ClaimMetricsFlags metricsFlags = new ClaimMetricsFlags();

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "L", description = "interval level (default 0.95)")
    double level;

    @picocli.CommandLine.Mixin
    GroundTruthFlags groundTruthFlags = new GroundTruthFlags();

    @Override
    public Integer call() throws Exception {
        try (ProjectStore store = Projects.openReadOnly(project)) {
            StatsCommand.printJson(ProjectMetrics.compute(store, metricsFlags.options(level, groundTruthFlags.options())));
        }
        return 0;
    }
}
