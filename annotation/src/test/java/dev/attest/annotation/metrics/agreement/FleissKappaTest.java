package dev.attest.annotation.metrics.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.annotation.metrics.MetricInputException;
import org.junit.jupiter.api.Test;

/** Fleiss' kappa on the 10 subjects × 14 raters example of SCORING.md (Wikipedia's worked example). */
class FleissKappaTest {
    static final long[][] FOURTEEN_RATERS = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0},
        {2, 2, 8, 1, 1}, {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};

    @Test
    void tenSubjectsByFourteenRatersGiveThePublishedParts() {
        FleissResult r = FleissKappa.compute(FOURTEEN_RATERS);
        assertEquals(0.378, r.meanAgreement(), 5e-4);
        assertEquals(0.213, r.expectedAgreement(), 5e-4);
        assertEquals(0.210, r.kappa(), 5e-4);
        // p_j = (20, 28, 39, 21, 32) / 140; P-bar = 0.37802..., P-bar-e = 0.21303...
        assertEquals((20.0 * 20 + 28 * 28 + 39 * 39 + 21 * 21 + 32 * 32) / (140 * 140), r.expectedAgreement(), 1e-15);
        assertEquals(20.0 / 140, r.categoryProportions().get(0), 1e-15);
        assertEquals(14, r.ratersPerUnit());
        assertEquals(10, r.units());
    }

    @Test
    void percentAgreementOfTheCountsIsPBar() {
        AgreementSummary s = AgreementSummary.ofCounts(FOURTEEN_RATERS);
        assertEquals(FleissKappa.compute(FOURTEEN_RATERS).meanAgreement(), s.percentAgreement(), 1e-15);
        assertEquals(39.0 / 140, s.prevalence().get(2).share(), 1e-15);
    }

    @Test
    void refusesUnitsWithDifferentNumbersOfRatings() {
        MetricInputException e = assertThrows(MetricInputException.class,
                () -> FleissKappa.compute(new long[][] {{1, 2}, {2, 2}}));
        assertEquals("unit 2 has 4 ratings but unit 1 has 3; Fleiss' kappa needs the same number per unit"
                + " (Krippendorff's alpha allows missing ones)", e.getMessage());
    }
}
