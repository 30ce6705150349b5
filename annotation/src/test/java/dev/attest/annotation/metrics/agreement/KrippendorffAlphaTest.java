package dev.attest.annotation.metrics.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Krippendorff's alpha on his own worked example (Computing Krippendorff's Alpha-Reliability, 2011): four
 * observers, twelve units, missing values — nominal 0.743, ordinal 0.815, interval 0.849.
 */
class KrippendorffAlphaTest {
    private static final double N = Double.NaN;
    /** ratings[unit][observer] for observers A, B, C, D. */
    static final double[][] EXAMPLE = transpose(new double[][] {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3},
        {N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N}});

    static double[][] transpose(double[][] byObserver) {
        double[][] out = new double[byObserver[0].length][byObserver.length];
        for (int o = 0; o < byObserver.length; o++) {
            for (int u = 0; u < byObserver[0].length; u++) {
                out[u][o] = byObserver[o][u];
            }
        }
        return out;
    }

    @Test
    void nominalOrdinalAndIntervalReproduceThePublishedValues() {
        assertEquals(0.743, KrippendorffAlpha.compute(EXAMPLE, AlphaLevel.NOMINAL).alpha(), 5e-4);
        assertEquals(0.815, KrippendorffAlpha.compute(EXAMPLE, AlphaLevel.ORDINAL).alpha(), 5e-4);
        assertEquals(0.849, KrippendorffAlpha.compute(EXAMPLE, AlphaLevel.INTERVAL).alpha(), 5e-4);
    }

    @Test
    void theNominalCoincidencesGiveTheFractionWorkedByHand() {
        AlphaResult r = KrippendorffAlpha.compute(EXAMPLE, AlphaLevel.NOMINAL);
        // Unit 12 has a single value and drops out: 11 units, n = 40 pairable values, n_c = 9, 13, 10, 5, 3.
        assertEquals(11, r.units());
        assertEquals(40, r.pairableValues(), 1e-12);
        List<Double> frequencies = List.of(9.0, 13.0, 10.0, 5.0, 3.0);
        for (int c = 0; c < 5; c++) {
            assertEquals(frequencies.get(c), r.frequencies().get(c), 1e-12);
        }
        // Off-diagonal coincidences: 6/3 (unit 2) + 12/3 (unit 6) + 6/3 (unit 8) = 8, so D_o = 8/40; and
        // sum over c != k of n_c n_k = 40^2 - 384 = 1216, so D_e = 1216 / (40 * 39): alpha = 1 - 39 * 8 / 1216.
        assertEquals(8.0 / 40, r.observedDisagreement(), 1e-15);
        assertEquals(1216.0 / (40 * 39), r.expectedDisagreement(), 1e-15);
        assertEquals(1 - 39.0 * 8 / 1216, r.alpha(), 1e-15);
    }

    @Test
    void ratioAlphaOfIdenticalRatingsIsOneAndOfDoubledRatingsFollowsTheDefinition() {
        double[][] same = {{1, 1}, {2, 2}, {4, 4}, {8, 8}};
        assertEquals(1.0, KrippendorffAlpha.compute(same, AlphaLevel.RATIO).alpha(), 1e-15);
        // Each unit's pair has ratio 2, so delta^2 = (1/3)^2 for both ordered pairs: D_o = 8 (1/9) / 8.
        double[][] doubled = {{1, 2}, {2, 4}, {4, 8}, {8, 16}};
        double[] v = {1, 2, 2, 4, 4, 8, 8, 16};
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                double d = (v[i] - v[j]) / (v[i] + v[j]);
                sum += i == j ? 0 : d * d;
            }
        }
        double expected = sum / (8 * 7);
        assertEquals(1 - (1.0 / 9) / expected, KrippendorffAlpha.compute(doubled, AlphaLevel.RATIO).alpha(), 1e-12);
    }
}
