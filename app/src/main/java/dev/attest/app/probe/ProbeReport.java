package dev.attest.app.probe;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.inference.manifest.ModelManifest;

import java.util.List;
import java.util.Map;

/**
 * Everything one probe run produced, as the files write it.
 *
 * @param labelNames  the model's foreground label names by value, for the tables' readers
 * @param specs       the perturbations as the user wrote them
 * @param seed        the seed of the random perturbations
 * @param totalMillis wall time of the whole probe, opening images included
 */
public record ProbeReport(ModelManifest model, Map<Integer, String> labelNames, List<String> specs, long seed,
                          String evidence, double topPercent, List<ProbedCase> cases, List<SkippedCase> skipped,
                          List<GroupRow> groups, BootstrapOptions bootstrap, long totalMillis) {
    public ProbeReport {
        labelNames = Map.copyOf(labelNames);
        specs = List.copyOf(specs);
        cases = List.copyOf(cases);
        skipped = List.copyOf(skipped);
        groups = List.copyOf(groups);
    }
}
