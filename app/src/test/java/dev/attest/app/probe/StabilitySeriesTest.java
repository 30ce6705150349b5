package dev.attest.app.probe;

import dev.attest.inference.probe.CaseProbe;
import dev.attest.inference.probe.Downsample;
import dev.attest.inference.probe.GaussianNoise;
import dev.attest.inference.probe.Identity;
import dev.attest.inference.probe.LabelDice;
import dev.attest.inference.probe.ProbeRecord;
import dev.attest.inference.probe.Rotation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Charts built from records made by hand: grouping by kind, the identity as "none", undefined values left out. */
class StabilitySeriesTest {
    private static ProbeRecord record(dev.attest.inference.probe.Perturbation p, Map<Integer, Double> dice, double mean,
                                      double pearson, double top) {
        return new ProbeRecord(p, new LabelDice(dice, mean), pearson, top, 1);
    }

    private static ProbedCase probed(List<ProbeRecord> records) {
        return new ProbedCase(null, "x", null, null, new CaseProbe(StabilityGroupsTest.probed(1, null, null, 1, 1, 1)
                .probe().baseline(), Map.of(1, 10L, 2, 20L), "foreground", 5, 3, records));
    }

    @Test
    void oneChartPerKindWithTheIdentityFirstAndOneSeriesPerMeasure() {
        ProbedCase c = probed(List.of(
                record(new Identity(), Map.of(1, 1.0, 2, 1.0), 1.0, 1.0, 1.0),
                record(new GaussianNoise(20, 1L), Map.of(1, 0.9, 2, 0.7), 0.8, 0.99, 0.95),
                record(new Rotation(2, Rotation.PatientAxis.S), Map.of(1, 0.6, 2, 0.5, 3, 0.0), 0.36, Double.NaN, 0.55),
                record(new GaussianNoise(5, 1L), Map.of(1, 0.5, 2, 0.3), 0.4, 0.9, 0.85)));
        List<StabilitySeries.Chart> charts = StabilitySeries.of(c, Map.of(1, "liver", 2, "spleen"), 5, false);
        assertEquals(2, charts.size());
        StabilitySeries.Chart noise = charts.get(0);
        assertEquals("Gaussian noise", noise.title());
        assertEquals("signal-to-noise ratio", noise.axisLabel());
        assertEquals(List.of("none", "20", "5"), noise.levels());
        assertEquals(List.of("mean Dice of labels", "evidence Pearson r", "evidence top-5% overlap"),
                noise.series().stream().map(StabilitySeries.Series::name).toList());
        assertEquals(List.of(new StabilitySeries.Point("none", 1.0), new StabilitySeries.Point("20", 0.8),
                new StabilitySeries.Point("5", 0.4)), noise.series().get(0).points());
        assertEquals(0.3, noise.yLower(), 1e-12, "lowest value 0.4: the axis starts one tenth below");
        assertEquals(0.2, noise.tickUnit());
        assertEquals(0.2, noise.axisLower(), 1e-12, "ticks 0.2, 0.4, ..., 1 cover the floor 0.3");
        StabilitySeries.Chart rotation = charts.get(1);
        assertEquals("Rotation (axis=S)", rotation.title());
        assertEquals(List.of(new StabilitySeries.Point("none", 1.0)), rotation.series().get(1).points(),
                "an undefined Pearson's r is left out");
        assertEquals(0.3, rotation.yLower(), 1e-12, "lowest value 0.36");

        List<StabilitySeries.Chart> perLabel = StabilitySeries.of(c, Map.of(1, "liver", 2, "spleen"), 5, true);
        assertEquals(List.of("Dice liver", "Dice spleen", "Dice label 3", "evidence Pearson r", "evidence top-5% overlap"),
                perLabel.get(0).series().stream().map(StabilitySeries.Series::name).toList(), "the same series in every chart");
        assertEquals(List.of(), perLabel.get(0).series().get(2).points(), "label 3 was never scored under noise");
        assertEquals(List.of(new StabilitySeries.Point("2", 0.0)), perLabel.get(1).series().get(2).points());
        assertEquals(-0.1, perLabel.get(1).yLower(), 1e-12, "a Dice of 0 puts the axis floor below 0");
    }

    @Test
    void withoutTheIdentityAKindStartsAtItsFirstLevel() {
        ProbedCase c = probed(List.of(record(new Downsample(2, "z"), Map.of(1, 0.95), 0.95, 0.999, 0.97)));
        StabilitySeries.Chart chart = StabilitySeries.of(c, Map.of(), 5, false).get(0);
        assertEquals("Lower resolution (axes=z)", chart.title());
        assertEquals(List.of("2"), chart.levels());
        assertEquals(0.9, chart.yLower(), 1e-12);
        assertEquals(0.02, chart.tickUnit(), "0.9 to 1: six ticks");
        assertEquals(0.9, chart.axisLower(), 1e-12);
        var dice = new StabilitySeries.Chart("t", "x", List.of(), List.of(), 0.7);
        assertEquals(0.05, dice.tickUnit());
        assertEquals(0.7, dice.axisLower(), 1e-12);
        var negative = new StabilitySeries.Chart("t", "x", List.of(), List.of(), -0.3);
        assertEquals(0.5, negative.tickUnit());
        assertEquals(-0.5, negative.axisLower(), 1e-12);
    }
}
