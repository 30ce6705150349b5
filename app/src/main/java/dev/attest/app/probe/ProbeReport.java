package dev.attest.app.probe;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.run.InferenceRunner;

import java.util.LinkedHashMap;
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

    /** The names of the model's foreground labels by value, as the report lists them (background left out). */
    public static Map<Integer, String> labelNames(ModelManifest manifest) {
        Map<Integer, String> names = new LinkedHashMap<>();
        for (OutputLabel l : InferenceRunner.segmentationOutput(manifest).labels()) {
            if (l.value() != 0) {
                names.put(l.value(), l.name());
            }
        }
        return names;
    }
}
