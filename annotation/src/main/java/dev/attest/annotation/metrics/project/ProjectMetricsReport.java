package dev.attest.annotation.metrics.project;

import dev.attest.annotation.metrics.groundtruth.GroundTruthMetrics;
import java.util.Map;

/**
 * The metrics of a project: claim-level metrics overall and split by site, scanner, modality and model, and
 * model evidence measured against reviewers' corrections.
 *
 * @param project the project folder
 * @param options how they were computed
 * @param reviewers reviewer names by id, for reading the agreement pairs (an exporter may pseudonymise them)
 * @param overall every scored claim of the project
 * @param strata by dimension ("site", "scanner", "modality", "model"), then by value ("(none)" when unset;
 *     the model of a claim without a model run is "(none)")
 * @param groundTruth model masks, boxes and heat maps against the corrections reviewers stored
 */
public record ProjectMetricsReport(String project, MetricsOptions options, Map<Long, String> reviewers,
        ClaimMetrics overall, Map<String, Map<String, ClaimMetrics>> strata, GroundTruthMetrics groundTruth) {
}
