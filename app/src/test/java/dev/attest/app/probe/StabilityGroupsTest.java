package dev.attest.app.probe;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.inference.engine.EngineInfo;
import dev.attest.inference.probe.CaseProbe;
import dev.attest.inference.probe.GaussianNoise;
import dev.attest.inference.probe.Identity;
import dev.attest.inference.probe.LabelDice;
import dev.attest.inference.probe.ProbeRecord;
import dev.attest.inference.run.Provenance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Grouping by site and scanner and the means and intervals of each group, on records made by hand. */
class StabilityGroupsTest {
    static final GaussianNoise NOISE = new GaussianNoise(10.0, 1L);

    static ProbedCase probed(long id, String site, String scanner, double dice, double pearson, double top) {
        Provenance prov = new Provenance("m", "1", "abc", Map.of(), new EngineInfo("PyTorch", "2.7.1", "cpu", 2), "cpu",
                Instant.EPOCH, Map.of(), "0.1.0");
        List<ProbeRecord> records = List.of(
                new ProbeRecord(new Identity(), new LabelDice(Map.of(1, 1.0), 1.0), 1.0, 1.0, 5),
                new ProbeRecord(NOISE, new LabelDice(Map.of(1, dice), dice), pearson, top, 7));
        return new ProbedCase(id, "case-" + id, site, scanner, new CaseProbe(prov, Map.of(1, 100L), "foreground", 5, 9, records));
    }

    @Test
    void groupsAllThenSitesThenScannersWithMeansAndIntervalsFromTwoCasesOn() {
        List<ProbedCase> cases = List.of(
                probed(1, "A", "X", 0.8, 0.9, 0.7),
                probed(2, "A", "Y", 0.6, Double.NaN, 0.5),
                probed(3, "B", null, 0.9, 0.95, 0.8));
        List<GroupRow> rows = StabilityGroups.of(cases, new BootstrapOptions(2000, 0.95, 5));
        assertEquals(List.of("all=all", "all=all", "site=A", "site=A", "site=B", "site=B", "scanner=(none)", "scanner=(none)",
                "scanner=X", "scanner=X", "scanner=Y", "scanner=Y"),
                rows.stream().map(r -> r.dimension() + "=" + r.value()).toList());
        GroupRow all = rows.get(1);
        assertEquals(NOISE, all.perturbation());
        assertEquals(3, all.cases());
        assertEquals((0.8 + 0.6 + 0.9) / 3, all.meanDice().mean(), 1e-15);
        assertEquals(3, all.meanDice().n());
        assertEquals((0.9 + 0.95) / 2, all.pearson().mean(), 1e-15);
        assertEquals(2, all.pearson().n(), "an undefined Pearson is left out");
        GroupRow siteA = rows.get(3);
        assertEquals(0.7, siteA.meanDice().mean(), 1e-15);
        // Two cases: a resample's mean is 0.6, 0.7 or 0.8, with 0.6 and 0.8 drawn 1/4 of the time each, far more
        // than the 2.5% in each tail, so the 95% interval is exactly [0.6, 0.8].
        assertEquals(0.6, siteA.meanDice().ci().lower(), 1e-15);
        assertEquals(0.8, siteA.meanDice().ci().upper(), 1e-15);
        assertEquals(0.5, siteA.topOverlap().ci().lower(), 1e-15);
        assertEquals(0.7, siteA.topOverlap().ci().upper(), 1e-15);
        assertNull(siteA.pearson().ci(), "one defined Pearson: no interval");
        assertEquals(0.9, siteA.pearson().mean());
        GroupRow siteB = rows.get(5);
        assertEquals(1, siteB.cases());
        assertNull(siteB.meanDice().ci());
        GroupRow identityAll = rows.get(0);
        assertEquals(1.0, identityAll.meanDice().mean());
        assertEquals(1.0, identityAll.meanDice().ci().lower());
        assertEquals(1.0, identityAll.meanDice().ci().upper());
        assertEquals("scanner=(none)", rows.get(7).groupLabel());
        assertEquals("all", rows.get(0).groupLabel());
        assertEquals(rows.subList(0, 2), StabilityGroups.overall(cases, new BootstrapOptions(2000, 0.95, 5)));
    }

    @Test
    void casesProbedWithOtherPerturbationsCannotBeGrouped() {
        ProbedCase a = probed(1, "A", "X", 0.8, 0.9, 0.7);
        ProbedCase b = probed(2, "A", "X", 0.8, 0.9, 0.7);
        CaseProbe other = new CaseProbe(b.probe().baseline(), Map.of(), "foreground", 5, 9, b.probe().records().subList(0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StabilityGroups.of(
                List.of(a, new ProbedCase(2L, "case-2", "A", "X", other)), BootstrapOptions.DEFAULT));
        assertEquals("case case-2 was probed with other perturbations: [Identity[]]", e.getMessage());
        assertEquals(List.of(), StabilityGroups.of(List.of(), BootstrapOptions.DEFAULT));
    }
}
