package dev.attest.annotation.metrics.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.metrics.MetricInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cohen's kappa on the SCORING.md worked examples, with the exact fractions they come from. */
class CohenKappaTest {
    private static final long[][] THREE_BY_THREE = {{0, 4, 1}, {0, 8, 0}, {0, 1, 5}};

    @Test
    void twoByTwoTableGivesPointFour() {
        KappaResult r = CohenKappa.fromTable(new long[][] {{20, 5}, {10, 15}}, KappaWeighting.UNWEIGHTED);
        assertEquals(0.40, r.kappa(), 1e-15);
        assertEquals(0.70, r.observedAgreement(), 1e-15);
        assertEquals(0.50, r.expectedAgreement(), 1e-15);
        assertEquals(50, r.units());
    }

    @Test
    void threeByThreeTableUnweightedLinearAndQuadratic() {
        // p_o = 13/19, p_e = 140/361: kappa = (247 - 140) / (361 - 140) = 107/221 = 0.4842.
        assertEquals(0.4842, CohenKappa.fromTable(THREE_BY_THREE, KappaWeighting.UNWEIGHTED).kappa(), 5e-5);
        assertEquals(107.0 / 221, CohenKappa.fromTable(THREE_BY_THREE, KappaWeighting.UNWEIGHTED).kappa(), 1e-15);
        // Linear weights 0, 1/2, 1: disagreement 3.5/19 observed, 125.5/361 expected: 118/251 = 0.4701.
        assertEquals(0.4701, CohenKappa.fromTable(THREE_BY_THREE, KappaWeighting.LINEAR).kappa(), 5e-5);
        assertEquals(118.0 / 251, CohenKappa.fromTable(THREE_BY_THREE, KappaWeighting.LINEAR).kappa(), 1e-15);
        // Quadratic weights 0, 1/4, 1: 2.25/19 observed, 77.75/361 expected: 1 - 42.75/77.75 = 140/311 = 0.4502
        // (numpy gives 0.45016077170418).
        assertEquals(140.0 / 311, CohenKappa.fromTable(THREE_BY_THREE, KappaWeighting.QUADRATIC).kappa(), 1e-15);
    }

    @Test
    void ratingsGiveTheSameKappaAsTheirTableAndSkipUnitsEitherRaterMissed() {
        // The 3 x 3 table as 19 units rated 1, 2, 3, plus two units only one rater rated.
        double nan = Double.NaN;
        double[] a = new double[21];
        double[] b = new double[21];
        int u = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (long c = 0; c < THREE_BY_THREE[i][j]; c++) {
                    a[u] = i + 1;
                    b[u++] = j + 1;
                }
            }
        }
        a[19] = 1;
        b[19] = nan;
        a[20] = nan;
        b[20] = 3;
        KappaResult r = CohenKappa.fromRatings(a, b, KappaWeighting.LINEAR);
        assertEquals(118.0 / 251, r.kappa(), 1e-15);
        assertEquals(19, r.units());
        assertEquals(List.of(1.0, 2.0, 3.0), r.categories());
    }

    @Test
    void ratersWhoNeverVaryHaveUndefinedKappa() {
        KappaResult r = CohenKappa.fromRatings(new double[] {2, 2, 2}, new double[] {2, 2, 2}, KappaWeighting.UNWEIGHTED);
        assertTrue(Double.isNaN(r.kappa()));
        assertEquals(1.0, r.observedAgreement());
        assertEquals(List.of(2.0), r.categories());
    }

    @Test
    void refusesARaggedTable() {
        MetricInputException e = assertThrows(MetricInputException.class,
                () -> CohenKappa.fromTable(new long[][] {{1, 2}, {3}}, KappaWeighting.UNWEIGHTED));
        assertEquals("a kappa table is square; row 1 has 1 counts, expected 2", e.getMessage());
    }
}
