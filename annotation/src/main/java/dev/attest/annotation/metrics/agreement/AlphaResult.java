package dev.attest.annotation.metrics.agreement;

import java.util.List;

/**
 * Krippendorff's alpha = 1 − D_o / D_e with its observed and expected disagreement.
 *
 * @param alpha the coefficient (NaN when there is no expected disagreement: a single value throughout)
 * @param observedDisagreement D_o
 * @param expectedDisagreement D_e
 * @param level the level of measurement
 * @param pairableValues n, the values in units with at least two values
 * @param units units with at least two values (the others carry no information on agreement)
 * @param values the distinct values, ascending
 * @param frequencies n_c, how many pairable values equal each value
 */
public record AlphaResult(double alpha, double observedDisagreement, double expectedDisagreement, AlphaLevel level,
        double pairableValues, int units, List<Double> values, List<Double> frequencies) {

    public AlphaResult {
        values = List.copyOf(values);
        frequencies = List.copyOf(frequencies);
    }
}
