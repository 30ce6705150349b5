package dev.attest.annotation.metrics.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The case-level percentile bootstrap: reproducible, case-level, and near the normal interval where it should be. */
class CaseBootstrapTest {

    @Test
    void quantilesInterpolateAsNumpyDoes() {
        double[] sorted = {1, 2, 3, 4, 10};
        // numpy.quantile([1, 2, 3, 4, 10], [0.025, 0.5, 0.975]) = [1.1, 3.0, 9.4]
        assertEquals(1.1, CaseBootstrap.quantile(sorted, 0.025), 1e-12);
        assertEquals(3.0, CaseBootstrap.quantile(sorted, 0.5), 1e-12);
        assertEquals(9.4, CaseBootstrap.quantile(sorted, 0.975), 1e-12);
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        double[] num = new double[40];
        double[] den = new double[40];
        for (int i = 0; i < 40; i++) {
            num[i] = i % 3;
            den[i] = 3;
        }
        Estimate a = new CaseBootstrap(40, BootstrapOptions.DEFAULT).ratio(num, den);
        Estimate b = new CaseBootstrap(40, BootstrapOptions.DEFAULT).ratio(num, den);
        Estimate c = new CaseBootstrap(40, new BootstrapOptions(2000, 0.95, 1)).ratio(num, den);
        assertEquals(a, b);
        assertNotEquals(a.ci().lower(), c.ci().lower());
        assertEquals(13.0 * 1 + 13 * 2, a.numerator(), 1e-12, "13 cases of 1 and 13 of 2 among i % 3, i < 40");
        assertEquals(39.0 / 120, a.value(), 1e-15);
    }

    @Test
    void aProportionOverManyIndependentCasesIsNearTheNormalInterval() {
        // 400 cases, one claim each, 120 correct: p = 0.3, normal 95% half-width 1.96 sqrt(0.21 / 400) = 0.0449.
        double[] num = new double[400];
        double[] den = new double[400];
        Arrays.fill(den, 1);
        Arrays.fill(num, 0, 120, 1);
        Estimate e = new CaseBootstrap(400, BootstrapOptions.DEFAULT).ratio(num, den);
        assertEquals(0.3, e.value(), 1e-15);
        assertEquals(0.3 - 0.0449, e.ci().lower(), 0.006);
        assertEquals(0.3 + 0.0449, e.ci().upper(), 0.006);
        assertEquals(2000, e.ci().validResamples());
        assertEquals(0.95, e.ci().level());
    }

    @Test
    void claimsOfOneCaseMoveTogether() {
        // Ten cases of ten claims, five cases all correct and five all wrong: the interval is that of ten
        // independent units (half-width about 1.96 sqrt(0.25 / 10) = 0.31), not of a hundred (0.098).
        double[] num = new double[10];
        double[] den = new double[10];
        Arrays.fill(den, 10);
        Arrays.fill(num, 0, 5, 10);
        Estimate e = new CaseBootstrap(10, BootstrapOptions.DEFAULT).ratio(num, den);
        assertEquals(0.5, e.value(), 1e-15);
        assertTrue(e.ci().lower() < 0.25 && e.ci().upper() > 0.75, e.ci().toString());
    }

    @Test
    void resamplesWithoutADenominatorAreLeftOutAndCounted() {
        // One case of two has a claim; a resample drawing the empty case twice has no denominator.
        Estimate e = new CaseBootstrap(2, new BootstrapOptions(1000, 0.9, 5)).ratio(new double[] {1, 0},
                new double[] {1, 0});
        assertEquals(1.0, e.value());
        assertTrue(e.ci().validResamples() < 1000 && e.ci().validResamples() > 600, e.ci().toString());
        assertEquals(1.0, e.ci().lower());
        assertEquals(1.0, e.ci().upper());
    }

    @Test
    void noCasesGiveAnUndefinedEstimate() {
        Estimate e = new CaseBootstrap(0, BootstrapOptions.DEFAULT).ratio(new double[0], new double[0]);
        assertTrue(Double.isNaN(e.value()) && Double.isNaN(e.ci().lower()));
        assertEquals(0, e.ci().validResamples());
    }
}
