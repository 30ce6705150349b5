package dev.attest.annotation.metrics.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.annotation.metrics.MetricInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The six ICC forms on Shrout and Fleiss (1979), Table 2: six targets rated by four judges. */
class IntraclassCorrelationTest {
    static final double[][] SHROUT_FLEISS = {{9, 2, 5, 8}, {6, 1, 3, 2}, {8, 4, 6, 8}, {7, 1, 2, 6}, {10, 5, 6, 9},
        {6, 2, 4, 7}};

    @Test
    void reproducesTheSixFormsOfShroutAndFleissTable4() {
        IccResult r = IntraclassCorrelation.compute(SHROUT_FLEISS);
        assertEquals(0.17, r.value("ICC(1,1)"), 0.005);
        assertEquals(0.29, r.value("ICC(2,1)"), 0.005);
        assertEquals(0.71, r.value("ICC(3,1)"), 0.005);
        assertEquals(0.44, r.value("ICC(1,4)"), 0.005);
        assertEquals(0.62, r.value("ICC(2,4)"), 0.005);
        assertEquals(0.91, r.value("ICC(3,4)"), 0.005);
        assertEquals(List.of("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,4)", "ICC(2,4)", "ICC(3,4)"),
                r.forms().stream().map(IccForm::form).toList());
    }

    @Test
    void meanSquaresMatchTheAnalysisOfVarianceOfTable3() {
        // Shrout and Fleiss, Table 3: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
        IccResult r = IntraclassCorrelation.compute(SHROUT_FLEISS);
        assertEquals(11.24, r.betweenTargets(), 0.005);
        assertEquals(6.26, r.withinTargets(), 0.005);
        assertEquals(32.49, r.betweenJudges(), 0.005);
        assertEquals(1.02, r.residual(), 0.005);
        // numpy, same formulas: ICC(2,1) = 0.28976377952755...
        assertEquals(0.2897637795275592, r.value("ICC(2,1)"), 1e-12);
    }

    @Test
    void refusesAMissingRating() {
        double[][] gap = {{1, 2}, {3, Double.NaN}};
        MetricInputException e = assertThrows(MetricInputException.class, () -> IntraclassCorrelation.compute(gap));
        assertEquals("target 2, judge 2 has no rating; ICC needs complete data", e.getMessage());
    }
}
