package dev.attest.annotation.metrics.agreement;

import java.util.List;

/**
 * Fleiss' kappa with its parts: P̄, the mean over units of the proportion of agreeing rater pairs, and P̄e,
 * the agreement expected by chance from the category proportions p_j, so that κ = (P̄ − P̄e) / (1 − P̄e).
 *
 * @param kappa the coefficient (NaN when P̄e is 1)
 * @param meanAgreement P̄
 * @param expectedAgreement P̄e = Σ p_j²
 * @param units units (rows)
 * @param ratersPerUnit ratings per unit, the same for every unit
 * @param categoryProportions p_j, the share of all ratings in category j
 */
public record FleissResult(double kappa, double meanAgreement, double expectedAgreement, int units,
        long ratersPerUnit, List<Double> categoryProportions) {

    public FleissResult {
        categoryProportions = List.copyOf(categoryProportions);
    }
}
