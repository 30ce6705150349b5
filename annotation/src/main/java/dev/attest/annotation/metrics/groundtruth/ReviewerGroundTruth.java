package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.Strata;
import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Measures a project's model evidence against the corrections its reviewers stored (Dice, IoU, HD95 and NSD
 * for masks; IoU and box-pixel precision and recall for boxes; pointing game and energy in region for heat
 * maps) and summarises them with case-level bootstrap intervals, overall and by site, scanner, modality and
 * model. Definitions and the pairing rules are in docs/metrics.md.
 */
public final class ReviewerGroundTruth {
    private ReviewerGroundTruth() {
    }

    /** Reads every correction of the project and what it corrects; artifacts are read case by case. */
    public static GroundTruthMetrics compute(ProjectStore store, GroundTruthOptions options, BootstrapOptions bootstrap) {
        Rows rows = CorrectionPairs.measure(store, options);
        Map<Long, ReviewCase> cases = new HashMap<>();
        store.cases().forEach(c -> cases.put(c.id(), c));
        GroundTruthSummariser summariser = new GroundTruthSummariser(bootstrap);
        Map<String, Map<String, GroundTruthSummary>> strata = new LinkedHashMap<>();
        for (String dimension : Strata.DIMENSIONS) {
            BiFunction<Long, String, String> key = dimension.equals("model") ? (caseId, model) -> model
                    : (caseId, model) -> Strata.ofCase(cases.get(caseId), dimension);
            strata.put(dimension, split(rows, key, summariser));
        }
        return new GroundTruthMetrics(summariser.summarise(rows), strata, rows.masks(), rows.boxes(), rows.heatmaps(),
                rows.skipped());
    }

    /**
     * The comparisons and skips of one case's corrections, without summaries: what a case report lists. Reads
     * only that case's records and artifacts.
     *
     * @throws IllegalArgumentException if the project has no such case
     */
    public static CaseGroundTruth compareCase(ProjectStore store, long caseId, GroundTruthOptions options) {
        ReviewCase reviewCase = store.cases().stream().filter(c -> c.id() == caseId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("project " + store.folder() + " has no case " + caseId));
        Rows rows = CorrectionPairs.measure(store, List.of(reviewCase), options);
        return new CaseGroundTruth(caseId, rows.masks(), rows.boxes(), rows.heatmaps(), rows.skipped());
    }

    /** Summaries per value of key(caseId, model), over the values any comparison or skip has. */
    private static Map<String, GroundTruthSummary> split(Rows rows, BiFunction<Long, String, String> key,
            GroundTruthSummariser summariser) {
        TreeSet<String> values = new TreeSet<>();
        rows.masks().forEach(r -> values.add(key.apply(r.pair().caseId(), r.pair().model())));
        rows.boxes().forEach(r -> values.add(key.apply(r.pair().caseId(), r.pair().model())));
        rows.heatmaps().forEach(r -> values.add(key.apply(r.pair().caseId(), r.pair().model())));
        rows.skipped().forEach(r -> values.add(key.apply(r.caseId(), r.model())));
        Map<String, GroundTruthSummary> out = new TreeMap<>();
        for (String value : values) {
            Rows group = Rows.empty();
            rows.masks().stream().filter(r -> value.equals(key.apply(r.pair().caseId(), r.pair().model())))
                    .forEach(group.masks()::add);
            rows.boxes().stream().filter(r -> value.equals(key.apply(r.pair().caseId(), r.pair().model())))
                    .forEach(group.boxes()::add);
            rows.heatmaps().stream().filter(r -> value.equals(key.apply(r.pair().caseId(), r.pair().model())))
                    .forEach(group.heatmaps()::add);
            rows.skipped().stream().filter(r -> value.equals(key.apply(r.caseId(), r.model())))
                    .forEach(group.skipped()::add);
            out.put(value, summariser.summarise(group));
        }
        return out;
    }
}
