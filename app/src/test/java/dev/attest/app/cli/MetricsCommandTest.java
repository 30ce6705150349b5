package dev.attest.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attest metrics PROJECT} on a small scored project, every number counted by hand. */
class MetricsCommandTest {

    @Test
    void printsClaimMetricsWithIntervalsAndAgreementBySite(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("bench");
        try (ProjectStore store = Projects.create(folder)) {
            long ann = store.addReviewer("ann").id();
            long ben = store.addReviewer("ben").id();
            List<ReviewCase> cases = store.importCases(List.of(new CaseDraft("s1", "north", "CT-A", "CT"),
                    new CaseDraft("s2", "south", "CT-B", "CT")));
            Instant at = Instant.parse("2026-03-01T09:00:00Z");
            List<ModelRun> runs = store.recordModelRuns(List.of(
                    new ModelRunDraft(cases.get(0).id(), "organs", "1", null, "{}", "PyTorch", "cpu", at, at),
                    new ModelRunDraft(cases.get(1).id(), "organs", "1", null, "{}", "PyTorch", "cpu", at, at)));
            List<Claim> claims = store.addClaims(List.of(
                    new ClaimDraft(cases.get(0).id(), runs.get(0).id(), ClaimKind.FINDING, "liver", 5, null, null),
                    new ClaimDraft(cases.get(0).id(), runs.get(0).id(), ClaimKind.FINDING, "spleen", 1, null, null),
                    new ClaimDraft(cases.get(1).id(), runs.get(1).id(), ClaimKind.FINDING, "liver", 5, null, null)));
            store.addEvidence(List.of(new EvidenceDraft(claims.get(1).id(), EvidenceKind.BOX, null, "{}", null)));
            store.saveScores(List.of(
                    new ScoreDraft(claims.get(0).id(), ann, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null),
                    new ScoreDraft(claims.get(1).id(), ann, Verdict.INCORRECT, EvidenceSupport.SUPPORTS, null,
                            ErrorType.FALSE_FINDING, null, null),
                    new ScoreDraft(claims.get(2).id(), ann, Verdict.CORRECT, EvidenceSupport.CONTRADICTS, null, null, null,
                            null),
                    new ScoreDraft(claims.get(0).id(), ben, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null),
                    new ScoreDraft(claims.get(1).id(), ben, Verdict.CORRECT, EvidenceSupport.PARTIAL, null, null, null, null)));
            store.addMissedFinding(cases.get(1).id(), ben, "kidney cyst", null);
        }

        CliTest.Run run = CliTest.attest("metrics", folder.toString(), "--resamples", "500", "--seed", "11");

        assertEquals(0, run.exit(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode overall = root.get("overall");
        // 5 scores, all gradable, 4 correct; 1 missed finding: recall 4/5.
        assertEquals(0.8, overall.get("claimPrecision").get("value").asDouble(), 1e-15);
        assertEquals(0.8, overall.get("recall").get("value").asDouble(), 1e-15);
        // Correct with supporting evidence: ann liver, ben liver (ben's spleen is partial): 2 of 4; ann's
        // south liver is right for the wrong reason; ann's incorrect spleen carries a box.
        assertEquals(0.5, overall.get("evidencePrecision").get("value").asDouble(), 1e-15);
        assertEquals(0.25, overall.get("rightForWrongReason").get("value").asDouble(), 1e-15);
        assertEquals(1.0, overall.get("evidencedHallucination").get("value").asDouble(), 1e-15);
        assertEquals(1.0, overall.get("errorTypes").get("false_finding").get("value").asDouble(), 1e-15);
        assertEquals(500, overall.get("claimPrecision").get("ci").get("resamples").asInt());
        assertEquals(11, overall.get("claimPrecision").get("ci").get("seed").asInt());
        // ann and ben share two claims and agree on one: kappa = (1/2 - 1/2) / (1 - 1/2) = 0 (p_e: ann 1 C + 1 I,
        // ben 2 C, so p_e = (1 * 2) / 4).
        JsonNode pair = overall.get("agreement").get("cohen").get(0);
        assertEquals(2, pair.get("claims").asInt());
        assertEquals(0.0, pair.get("kappa").asDouble(), 1e-15);
        assertEquals(0.5, pair.get("percentAgreement").asDouble(), 1e-15);
        // By site: north 4 scores 3 correct; south 1 score correct plus 1 missed finding.
        JsonNode sites = root.get("strata").get("site");
        assertEquals(0.75, sites.get("north").get("claimPrecision").get("value").asDouble(), 1e-15);
        assertEquals(0.5, sites.get("south").get("recall").get("value").asDouble(), 1e-15);
        assertEquals(0.5, sites.get("south").get("recall").get("ci").get("lower").asDouble(), 1e-15);
        assertEquals("organs", root.get("strata").get("model").fieldNames().next());
        assertEquals("ann", root.get("reviewers").get("1").asText());
    }

    @Test
    void refusesAFolderThatIsNoProject(@TempDir Path dir) {
        CliTest.Run run = CliTest.attest("metrics", dir.resolve("nothing").toString());
        assertEquals(1, run.exit());
        assertEquals(true, run.err().startsWith("attest: "), run.err());
    }
}
