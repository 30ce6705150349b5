package dev.attest.annotation.metrics.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Percent agreement and prevalence, counted by hand on Krippendorff's example. */
class AgreementSummaryTest {

    @Test
    void pooledPairAgreementAndPrevalenceOfKrippendorffsExample() {
        AgreementSummary s = AgreementSummary.of(KrippendorffAlphaTest.EXAMPLE);
        // Pairs per unit (m values -> m(m-1)/2): 3, 6, 6, 6, 6, 6, 6, 6, 6, 3, 1, 0 = 55; agreeing pairs:
        // 3, 3, 6, 6, 6, 0, 6, 3, 6, 3, 1 = 43.
        assertEquals(55, s.pairs(), 1e-12);
        assertEquals(43.0 / 55, s.percentAgreement(), 1e-15);
        // 41 ratings: the 40 pairable plus unit 12's lone 3.
        assertEquals(41, s.ratings());
        assertEquals(List.of(9L, 13L, 11L, 5L, 3L), s.prevalence().stream().map(CategoryShare::count).toList());
        assertEquals(11.0 / 41, s.prevalence().get(2).share(), 1e-15);
    }
}
