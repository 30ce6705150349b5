package dev.attest.annotation.metrics.project;

import java.util.Map;

/**
 * The claim-level metrics of a project: overall and split by site, scanner, modality and model.
 *
 * @param project the project folder
 * @param options how they were computed
 * @param reviewers reviewer names by id, for reading the agreement pairs (an exporter may pseudonymise them)
 * @param overall every scored claim of the project
 * @param strata by dimension ("site", "scanner", "modality", "model"), then by value ("(none)" when unset;
 *     the model of a claim without a model run is "(none)")
 */
public record ProjectMetricsReport(String project, MetricsOptions options, Map<Long, String> reviewers,
        ClaimMetrics overall, Map<String, Map<String, ClaimMetrics>> strata) {
}
