package dev.attest.annotation.metrics.agreement;

import java.util.List;

/**
 * Cohen's kappa of two raters, with the agreement it compares: observed agreement p_o = 1 − Σ w_ij p_ij
 * and chance agreement p_e = 1 − Σ w_ij p_i· p_·j (for unweighted kappa, the proportion of units rated alike
 * and its chance expectation), so that kappa = (p_o − p_e) / (1 − p_e). Kappa is NaN when p_e is 1 (both
 * raters always use one and the same category), since chance then explains everything.
 *
 * @param kappa the coefficient
 * @param observedAgreement p_o
 * @param expectedAgreement p_e
 * @param units units rated by both raters
 * @param weighting the disagreement weights
 * @param categories the categories in rank order (table row and column order)
 */
public record KappaResult(double kappa, double observedAgreement, double expectedAgreement, long units,
        KappaWeighting weighting, List<Double> categories) {

    public KappaResult {
        categories = List.copyOf(categories);
    }
}
