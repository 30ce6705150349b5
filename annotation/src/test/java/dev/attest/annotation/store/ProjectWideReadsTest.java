package dev.attest.annotation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole-project reads that metrics use: one query each instead of one per case or claim. */
class ProjectWideReadsTest {

    @Test
    void readsEveryClaimRunCurrentScoreMissedFindingAndEvidencedClaim(@TempDir Path dir) {
        SampleProject p = SampleProject.create(dir.resolve("p"));
        ProjectStore store = p.store();
        List<Claim> claims = p.claims();
        store.saveScore(new ScoreDraft(claims.get(0).id(), p.ann().id(), Verdict.INCORRECT, EvidenceSupport.PARTIAL,
                null, null, null, null));
        Score latest = store.saveScore(new ScoreDraft(claims.get(0).id(), p.ann().id(), Verdict.CORRECT,
                EvidenceSupport.SUPPORTS, null, null, null, null));
        Score other = store.saveScore(new ScoreDraft(claims.get(4).id(), p.ben().id(), Verdict.UNGRADABLE,
                EvidenceSupport.NONE_OR_OFF_TARGET, null, null, null, null));
        store.addEvidence(List.of(new EvidenceDraft(claims.get(4).id(), EvidenceKind.BOX, null, "{}", null),
                new EvidenceDraft(claims.get(4).id(), EvidenceKind.POINT, null, "{}", null),
                new EvidenceDraft(claims.get(1).id(), EvidenceKind.BOX, null, "{}", null)));
        MissedFinding first = store.addMissedFinding(p.cases().get(3).id(), p.cat().id(), "rib fracture", null);
        MissedFinding second = store.addMissedFinding(p.cases().get(0).id(), p.ann().id(), "effusion", null);

        assertEquals(claims, store.claims());
        assertEquals(p.runs(), store.modelRuns());
        assertEquals(List.of(latest, other), store.currentScores());
        assertEquals(List.of(first, second), store.missedFindings());
        assertEquals(List.of(claims.get(1).id(), claims.get(4).id()), store.claimsWithEvidence());
        assertEquals(List.of("organs", "nodules", "organs", "nodules"),
                store.modelRuns().stream().map(ModelRun::modelId).toList());
    }
}
