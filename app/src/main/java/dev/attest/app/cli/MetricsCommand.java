package dev.attest.app.cli;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.groundtruth.GroundTruthOptions;
import dev.attest.annotation.metrics.project.MetricsOptions;
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

    @Option(names = "--resamples", defaultValue = "2000", paramLabel = "N", description = "bootstrap resamples (default 2000)")
    int resamples;

    @Option(names = "--level", defaultValue = "0.95", paramLabel = "L", description = "interval level (default 0.95)")
    double level;

    @Option(names = "--seed", paramLabel = "S", description = "bootstrap seed (default: a fixed seed, so reruns agree)")
    Long seed;

    @Option(names = "--partial-correct", description = "count partially correct verdicts as correct")
    boolean partialCorrect;

    @picocli.CommandLine.Mixin
    GroundTruthFlags groundTruthFlags = new GroundTruthFlags();

    @Override
    public Integer call() throws Exception {
        BootstrapOptions bootstrap = new BootstrapOptions(resamples, level,
                seed != null ? seed : BootstrapOptions.DEFAULT.seed());
        try (ProjectStore store = Projects.openReadOnly(project)) {
            GroundTruthOptions groundTruth = groundTruthFlags.options();
            StatsCommand.printJson(ProjectMetrics.compute(store, new MetricsOptions(bootstrap, partialCorrect,
                    groundTruth)));
        }
        return 0;
    }
}
