package dev.attest.annotation.metrics.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.metrics.bootstrap.Estimate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claim-level metrics of {@link ScoredProject}, every number counted by hand from its table. */
class ProjectMetricsTest {

    private static void assertRate(double numerator, double denominator, Estimate e) {
        assertEquals(numerator, e.numerator(), 1e-12);
        assertEquals(denominator, e.denominator(), 1e-12);
        assertEquals(numerator / denominator, e.value(), 1e-15);
        assertTrue(e.ci().lower() <= e.value() && e.value() <= e.ci().upper(), e.toString());
    }

    @Test
    void overallRatesUseEachReviewersLatestScore(@TempDir Path dir) {
        ScoredProject p = ScoredProject.create(dir.resolve("p"));
        ClaimMetrics m = ProjectMetrics.compute(p.store(), MetricsOptions.DEFAULT).overall();

        assertEquals(3, m.cases());
        assertEquals(6, m.claims());
        assertEquals(14, m.scores());
        assertEquals(3, m.reviewers());
        assertEquals(3, m.missedFindings());
        assertEquals(Map.of("correct", 9L, "partially_correct", 1L, "incorrect", 3L, "ungradable", 1L), m.verdicts());
        // 13 gradable scores (ann's k4 is ungradable), 9 correct: ann k1 k2 k6, ben k1 k4 k5 k6, cat k1 k2.
        assertRate(9, 13, m.claimPrecision());
        // Matched = the 9 correct scores; 3 missed findings.
        assertRate(9, 12, m.recall());
        // Supporting evidence on 7 of the 9 correct (not ann's k2, none; not ann's k6, contradicting).
        assertRate(7, 9, m.evidencePrecision());
        assertRate(2, 9, m.rightForWrongReason());
        // Incorrect: ann k3 (box), ben k2 (no evidence), ben k3 (box).
        assertRate(2, 3, m.evidencedHallucination());
        // Errors: ann k3 false finding, ann k5 severity, ben k2 false finding, ben k3 location.
        assertRate(2, 4, m.errorTypes().get("false_finding"));
        assertRate(1, 4, m.errorTypes().get("wrong_location"));
        assertRate(1, 4, m.errorTypes().get("wrong_severity_or_size"));
        assertEquals(0.0, m.errorTypes().get("negation_error").value());
        assertEquals(0.0, m.errorTypes().get("unspecified").value());
    }

    @Test
    void reviewerAgreementOnVerdicts(@TempDir Path dir) {
        ScoredProject p = ScoredProject.create(dir.resolve("p"));
        VerdictAgreement a = ProjectMetrics.compute(p.store(), MetricsOptions.DEFAULT).overall().agreement();
        long ann = p.reviewers().get(0).id();
        long ben = p.reviewers().get(1).id();
        long cat = p.reviewers().get(2).id();

        assertEquals(List.of("correct", "partially_correct", "incorrect", "ungradable"), a.categories());
        assertEquals(3, a.reviewers());
        // Pairs on one claim: k1 3 (all agree), k2 3 (1 agrees), k3 k4 k5 k6 one each (k3, k6 agree): 6 of 10.
        assertEquals(10, a.pairs(), 1e-12);
        assertEquals(0.6, a.percentAgreement(), 1e-15);
        assertEquals(9.0 / 14, a.prevalence().get("correct"), 1e-15);
        assertEquals(1.0 / 14, a.prevalence().get("ungradable"), 1e-15);

        assertEquals(3, a.cohen().size());
        PairAgreement annBen = a.cohen().get(0);
        assertEquals(List.of(ann, ben), List.of(annBen.reviewerA(), annBen.reviewerB()));
        // ann 0 0 2 3 1 0 vs ben 0 2 2 0 0 0: p_o = 3/6, p_e = (3*4 + 1*2) / 36, kappa = 2/11.
        assertEquals(6, annBen.claims());
        assertEquals(2.0 / 11, annBen.kappa(), 1e-15);
        assertEquals(0.5, annBen.percentAgreement(), 1e-15);
        PairAgreement annCat = a.cohen().get(1);
        assertEquals(cat, annCat.reviewerB());
        assertTrue(Double.isNaN(annCat.kappa()), "both said correct on both shared claims: chance explains all");
        assertEquals(1.0, annCat.percentAgreement());
        assertEquals(0.0, a.cohen().get(2).kappa(), 1e-15, "ben vs cat: p_o = p_e = 1/2");

        // Fleiss over k1 and k2, the claims all three scored: P-bar = (1 + 1/3)/2, P-bar-e = 26/36, kappa -0.2.
        assertEquals(2, a.fleissClaims());
        assertEquals(2.0 / 3, a.fleiss().meanAgreement(), 1e-15);
        assertEquals(26.0 / 36, a.fleiss().expectedAgreement(), 1e-15);
        assertEquals(-0.2, a.fleiss().kappa(), 1e-12);
        // Alpha over all six claims: n = 14, off-diagonal coincidences 2 (k2) + 2 (k4) + 2 (k5) = 6,
        // sum of n_c n_k off the diagonal 196 - 92 = 104: alpha = 1 - 13 * 6 / 104 = 1/4.
        assertEquals(0.25, a.alpha().alpha(), 1e-12);
        assertEquals(6, a.alpha().units());
    }

    @Test
    void everyTableIsSplitBySiteScannerModalityAndModel(@TempDir Path dir) {
        ScoredProject p = ScoredProject.create(dir.resolve("p"));
        ProjectMetricsReport r = ProjectMetrics.compute(p.store(), MetricsOptions.DEFAULT);

        assertEquals(List.of("site", "scanner", "modality", "model"), List.copyOf(r.strata().keySet()));
        ClaimMetrics siteA = r.strata().get("site").get("A");
        // Site A (c1, c2): 10 scores, 9 gradable, 6 correct (ann k1 k2, ben k1 k4, cat k1 k2); ann's miss on c1.
        assertRate(6, 9, siteA.claimPrecision());
        assertRate(6, 7, siteA.recall());
        ClaimMetrics siteB = r.strata().get("site").get("B");
        assertRate(3, 4, siteB.claimPrecision());
        assertRate(3, 5, siteB.recall());
        // One case: every resample is that case, so the interval collapses onto the value.
        assertEquals(0.75, siteB.claimPrecision().ci().lower(), 1e-15);
        assertEquals(0.75, siteB.claimPrecision().ci().upper(), 1e-15);
        // Site B: ann 1 0 vs ben 0 0 on k5, k6: P-bar = (0 + 1)/2, P-bar-e = (3/4)^2 + (1/4)^2, kappa = -1/3.
        assertEquals(2, siteB.agreement().fleissClaims());
        assertEquals(-1.0 / 3, siteB.agreement().fleiss().kappa(), 1e-12);
        // Scanner S1 (c1, c3): 10 scores, all gradable, 8 correct (ann k1 k2 k6, ben k1 k5 k6, cat k1 k2);
        // misses 1 + 2.
        assertRate(8, 10, r.strata().get("scanner").get("S1").claimPrecision());
        assertRate(8, 11, r.strata().get("scanner").get("S1").recall());
        assertEquals(List.of("CT", "MR"), List.copyOf(r.strata().get("modality").keySet()));
        assertEquals(siteA.claimPrecision(), r.strata().get("modality").get("CT").claimPrecision());
        assertEquals(List.of("nodules", "organs"), List.copyOf(r.strata().get("model").keySet()));
        assertEquals(siteB.recall(), r.strata().get("model").get("nodules").recall());
        assertEquals(Map.of(p.reviewers().get(0).id(), "ann", p.reviewers().get(1).id(), "ben",
                p.reviewers().get(2).id(), "cat"), r.reviewers());
    }

    @Test
    void partiallyCorrectCanCountAsCorrect(@TempDir Path dir) {
        ScoredProject p = ScoredProject.create(dir.resolve("p"));
        ClaimMetrics m = ProjectMetrics.compute(p.store(),
                new MetricsOptions(BootstrapOptions.DEFAULT, true)).overall();
        // ann's partially correct k5 joins the correct (with partial support), and leaves the errors.
        assertRate(10, 13, m.claimPrecision());
        assertRate(7, 10, m.evidencePrecision());
        assertRate(2, 10, m.rightForWrongReason());
        assertRate(2, 3, m.errorTypes().get("false_finding"));
        assertEquals(0.0, m.errorTypes().get("wrong_severity_or_size").value());
    }

    @Test
    void theReportIsPlainJsonAndTheSameOnEveryRun(@TempDir Path dir) throws Exception {
        ScoredProject p = ScoredProject.create(dir.resolve("p"));
        ObjectMapper json = new ObjectMapper();
        String first = json.writeValueAsString(ProjectMetrics.compute(p.store(), MetricsOptions.DEFAULT));
        String second = json.writeValueAsString(ProjectMetrics.compute(p.store(), MetricsOptions.DEFAULT));
        assertEquals(first, second);
        JsonNode root = json.readTree(first);
        JsonNode precision = root.get("overall").get("claimPrecision");
        assertEquals(9.0 / 13, precision.get("value").asDouble(), 1e-15);
        assertEquals("percentile (case-level)", precision.get("ci").get("method").asText());
        assertEquals(2000, precision.get("ci").get("resamples").asInt());
        assertEquals("NaN", root.get("overall").get("agreement").get("cohen").get(1).get("kappa").asText());
        // Site A (k1-k4): n = 10, n_c = 6, 3, 1, off-diagonal coincidences 4: alpha = 1 - 9 * 4 / 54 = 1/3.
        assertEquals(1.0 / 3, root.get("strata").get("site").get("A").get("agreement").get("alpha").get("alpha")
                .asDouble(), 1e-12);
    }
}
