package dev.attest.annotation.metrics.project;

import dev.attest.annotation.metrics.bootstrap.Estimate;
import java.util.Map;

/**
 * The claim-level metrics of one group of claims (the whole project, or one site, scanner, modality or
 * model), from each reviewer's current score. Every rate counts scores (claim × reviewer) and carries a
 * case-level bootstrap interval; definitions in docs/metrics.md.
 *
 * @param cases cases with a score or a missed finding in the group
 * @param claims claims with at least one score
 * @param scores current scores
 * @param reviewers reviewers with a score
 * @param missedFindings findings reviewers said the model missed in these cases
 * @param verdicts scores per verdict
 * @param claimPrecision correct / gradable (every verdict but ungradable)
 * @param recall matched / (matched + missed), matched being the correct scores
 * @param evidencePrecision correct with supporting evidence / correct
 * @param rightForWrongReason correct with contradicting or no (or off-target) evidence / correct
 * @param evidencedHallucination incorrect claims that carry evidence / incorrect
 * @param errorTypes per error type (and "unspecified"): its share of the scores that are errors (incorrect, and
 *     partially correct unless it counts as correct)
 * @param agreement reviewer agreement on verdicts
 */
public record ClaimMetrics(int cases, int claims, int scores, int reviewers, int missedFindings,
        Map<String, Long> verdicts, Estimate claimPrecision, Estimate recall, Estimate evidencePrecision,
        Estimate rightForWrongReason, Estimate evidencedHallucination, Map<String, Estimate> errorTypes,
        VerdictAgreement agreement) {
}
