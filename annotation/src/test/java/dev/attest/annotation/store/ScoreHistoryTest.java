package dev.attest.annotation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.AuditEntry;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.ReportAcceptability;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreHistoryTest {
    @TempDir
    Path dir;
    SampleProject p;

    @BeforeEach
    void create() {
        p = SampleProject.create(dir);
    }

    @AfterEach
    void close() {
        p.store().close();
    }

    @Test
    void aChangedScoreIsANewVersionAndThePreviousOneIsKeptAndSuperseded() {
        Claim claim = p.claims().get(0);
        long ann = p.ann().id();
        Score v1 = p.store().saveScore(new ScoreDraft(claim.id(), ann, Verdict.CORRECT, EvidenceSupport.SUPPORTS,
                Localisation.GOOD, null, Significance.SIGNIFICANT, "fine"));
        Score v2 = p.store().saveScore(new ScoreDraft(claim.id(), ann, Verdict.INCORRECT, EvidenceSupport.CONTRADICTS,
                Localisation.MISS, ErrorType.WRONG_LOCATION, Significance.SIGNIFICANT, "left, not right"));
        assertEquals(1, v1.version());
        assertEquals(2, v2.version());
        Score v1Stored = new Score(v1.id(), claim.id(), ann, 1, Verdict.CORRECT, EvidenceSupport.SUPPORTS,
                Localisation.GOOD, null, Significance.SIGNIFICANT, "fine", v1.created(), v2.id(), false);
        assertEquals(List.of(v1Stored, v2), p.store().scoreHistory(claim.id()));
        assertEquals(List.of(v2), p.store().currentScores(claim.id()));
        assertEquals(v1Stored, p.store().score(v1.id()).orElseThrow());
    }

    @Test
    void twoReviewersScoringTheSameClaimAreBothKept() {
        Claim claim = p.claims().get(1);
        Score ann = p.store().saveScore(new ScoreDraft(claim.id(), p.ann().id(), Verdict.CORRECT,
                EvidenceSupport.SUPPORTS, null, null, Significance.INSIGNIFICANT, null));
        Score ben = p.store().saveScore(new ScoreDraft(claim.id(), p.ben().id(), Verdict.PARTIALLY_CORRECT,
                EvidenceSupport.PARTIAL, null, ErrorType.WRONG_SEVERITY_OR_SIZE, Significance.INSIGNIFICANT, "too big"));
        assertEquals(List.of(ann, ben), p.store().currentScores(claim.id()));
        assertEquals(1, ben.version());
    }

    @Test
    void everyValueOfEveryScoreFieldIsAcceptedByTheSchemaAndReadBackUnchanged() {
        Claim claim = p.claims().get(2);
        int n = Math.max(Math.max(Verdict.values().length, EvidenceSupport.values().length),
                Math.max(ErrorType.values().length, Localisation.values().length));
        for (int i = 0; i < n; i++) {
            Verdict v = Verdict.values()[i % Verdict.values().length];
            ScoreDraft d = new ScoreDraft(claim.id(), p.cat().id(), v,
                    EvidenceSupport.values()[i % EvidenceSupport.values().length],
                    Localisation.values()[i % Localisation.values().length],
                    v == Verdict.CORRECT ? null : ErrorType.values()[i % ErrorType.values().length],
                    Significance.values()[i % Significance.values().length], "note " + i);
            Score saved = p.store().saveScore(d);
            assertEquals(saved, p.store().currentScores(claim.id()).get(0));
        }
        assertEquals(n, p.store().scoreHistory(claim.id()).size());
        // Error types reached every value at least once across the loop (n = 7 = number of error types).
        assertEquals(7, n);
    }

    @Test
    void judgementFieldsCannotBeUpdatedOrDeletedInTheDatabase() throws SQLException {
        Claim claim = p.claims().get(0);
        p.store().saveScore(new ScoreDraft(claim.id(), p.ann().id(), Verdict.CORRECT, EvidenceSupport.SUPPORTS, null,
                null, null, null));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("project.db"));
                Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.execute("UPDATE scores SET verdict = 'incorrect'"));
            assertTrue(e.getMessage().contains("scores is append-only"), e.getMessage());
            e = assertThrows(SQLException.class, () -> st.execute("UPDATE scores SET note = 'x'"));
            assertTrue(e.getMessage().contains("scores is append-only"), e.getMessage());
            e = assertThrows(SQLException.class, () -> st.execute("DELETE FROM scores"));
            assertTrue(e.getMessage().contains("scores rows are never deleted"), e.getMessage());
            e = assertThrows(SQLException.class, () -> st.execute("DELETE FROM audit_log"));
            assertTrue(e.getMessage().contains("audit_log rows are never deleted"), e.getMessage());
        }
        assertEquals(Verdict.CORRECT, p.store().currentScores(claim.id()).get(0).verdict());
    }

    @Test
    void everyScoreWritesAnAuditEntryInTheSameTransaction() {
        long before = lastAuditId();
        Claim claim = p.claims().get(0);
        Score v1 = p.store().saveScore(new ScoreDraft(claim.id(), p.ann().id(), Verdict.CORRECT,
                EvidenceSupport.SUPPORTS, null, null, null, null));
        Score v2 = p.store().saveScore(new ScoreDraft(claim.id(), p.ann().id(), Verdict.UNGRADABLE,
                EvidenceSupport.NONE_OR_OFF_TARGET, null, null, null, null));
        List<AuditEntry> entries = p.store().audit(before, 10);
        assertEquals(List.of(
                new AuditEntry(before + 1, p.ann().id(), v1.created(), "score", "claim", claim.id(),
                        "{\"score_id\":" + v1.id() + ",\"version\":1,\"supersedes\":null,\"verdict\":\"correct\"}"),
                new AuditEntry(before + 2, p.ann().id(), v2.created(), "score", "claim", claim.id(),
                        "{\"score_id\":" + v2.id() + ",\"version\":2,\"supersedes\":" + v1.id()
                                + ",\"verdict\":\"ungradable\"}")), entries);
    }

    @Test
    void aScoreForAMissingClaimFailsAndLeavesNoTrace() {
        long before = lastAuditId();
        ProjectStoreException e = assertThrows(ProjectStoreException.class, () -> p.store().saveScore(
                new ScoreDraft(999_999, p.ann().id(), Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("cannot save 1 scores in " + dir.resolve("project.db")), e.getMessage());
        assertTrue(e.getMessage().contains("FOREIGN KEY constraint failed"), e.getMessage());
        assertEquals(before, lastAuditId());
    }

    @Test
    void aCaseBatchWithADuplicateImportsNothing() {
        int before = p.store().cases().size();
        assertThrows(ProjectStoreException.class, () -> p.store().importCases(List.of(
                new CaseDraft("9.9.1", "C", null, "CT"), new CaseDraft("1.2.840.1", "C", null, "CT"))));
        assertEquals(before, p.store().cases().size());
    }

    @Test
    void acceptabilityKeepsTheLatestPerReviewerAndTheAuditKeepsEveryOne() {
        long caseId = p.cases().get(0).id();
        long before = lastAuditId();
        p.store().setAcceptability(caseId, p.ann().id(), Acceptability.UNACCEPTABLE, "misses the nodule");
        ReportAcceptability latest = p.store().setAcceptability(caseId, p.ann().id(),
                Acceptability.ACCEPTABLE_WITH_EDITS, null);
        ReportAcceptability ben = p.store().setAcceptability(caseId, p.ben().id(), Acceptability.ACCEPTABLE, "ok");
        assertEquals(List.of(latest, ben), p.store().acceptability(caseId));
        assertEquals(List.of("{\"acceptability\":\"unacceptable\",\"note\":\"misses the nodule\"}",
                "{\"acceptability\":\"acceptable_with_edits\",\"note\":null}",
                "{\"acceptability\":\"acceptable\",\"note\":\"ok\"}"),
                p.store().audit(before, 10).stream().map(AuditEntry::detailsJson).toList());
    }

    private long lastAuditId() {
        List<AuditEntry> all = p.store().audit(0, Integer.MAX_VALUE);
        return all.get(all.size() - 1).id();
    }
}
