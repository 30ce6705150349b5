package dev.attest.annotation.metrics.project;

/**
 * Cohen's (unweighted) kappa of two reviewers' verdicts on the claims both scored.
 *
 * @param reviewerA the first reviewer's id
 * @param reviewerB the second reviewer's id
 * @param claims claims both scored
 * @param kappa Cohen's kappa (NaN when chance agreement is 1, e.g. both always said "correct")
 * @param percentAgreement the share of those claims given the same verdict
 */
public record PairAgreement(long reviewerA, long reviewerB, long claims, double kappa, double percentAgreement) {
}
