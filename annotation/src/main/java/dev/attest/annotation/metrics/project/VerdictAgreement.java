package dev.attest.annotation.metrics.project;

import dev.attest.annotation.metrics.agreement.AlphaResult;
import dev.attest.annotation.metrics.agreement.FleissResult;
import java.util.List;
import java.util.Map;

/**
 * How far reviewers agree on verdicts. Category indices in the Fleiss proportions and alpha values follow
 * {@code categories}.
 *
 * @param categories the verdict codes in index order
 * @param reviewers reviewers with at least one score
 * @param percentAgreement the share of reviewer pairs on the same claim who gave the same verdict
 * @param pairs reviewer pairs on the same claim
 * @param prevalence each verdict's share of all scores
 * @param cohen Cohen's kappa for each pair of reviewers who share a claim
 * @param fleiss Fleiss' kappa over the claims every one of the reviewers scored (null when fewer than two
 *     reviewers or no such claim)
 * @param fleissClaims the claims Fleiss' kappa used
 * @param alpha Krippendorff's nominal alpha over every claim scored at least twice, missing scores allowed
 *     (null when no claim was scored twice)
 */
public record VerdictAgreement(List<String> categories, int reviewers, double percentAgreement, double pairs,
        Map<String, Double> prevalence, List<PairAgreement> cohen, FleissResult fleiss, int fleissClaims,
        AlphaResult alpha) {
}
