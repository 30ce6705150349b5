package dev.attest.app.review;

import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.model.WorklistItem;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewSessionTest {
    @TempDir
    Path dir;
    private ProjectStore store;
    private List<ReviewCase> cases;
    private List<Claim> claims;

    /** Three cases (sites A, A, B; models organs, nodules, organs), two finding claims each. */
    @BeforeEach
    void project() {
        store = Projects.create(dir.resolve("p"));
        cases = store.importCases(List.of(new CaseDraft("case-1", "A", "s", "CT"), new CaseDraft("case-2", "A", "s", "CT"),
                new CaseDraft("case-3", "B", "s", "CT")));
        List<ClaimDraft> drafts = new ArrayList<>();
        for (ReviewCase c : cases) {
            String model = c.studyRef().equals("case-2") ? "nodules" : "organs";
            ModelRun run = store.recordModelRun(new ModelRunDraft(c.id(), model, "1", null, "{}", "PyTorch", "cpu",
                    Instant.parse("2026-01-01T00:00:00Z"), null));
            drafts.add(new ClaimDraft(c.id(), run.id(), ClaimKind.FINDING, c.studyRef() + " liver", 1, 1512.0, "mL"));
            drafts.add(new ClaimDraft(c.id(), run.id(), ClaimKind.FINDING, c.studyRef() + " spleen", 2, 180.0, "mL"));
        }
        claims = store.addClaims(drafts);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ReviewSession session(String who) {
        ReviewSession s = ReviewSession.start(store, who);
        s.load(s.allClaims());
        return s;
    }

    private static List<String> texts(ReviewSession s) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < s.cases().size(); k++) {
            s.selectCase(k);
            s.claims().forEach(i -> out.add(i.claim().text()));
        }
        return out;
    }

    @Test
    void savesEveryChangeAsANewVersionOnceVerdictAndSupportAreSet() {
        ReviewSession s = session("ann");
        long claim = claims.get(0).id();
        assertTrue(s.setVerdict(Verdict.INCORRECT).isEmpty());
        assertEquals(List.of(), store.scoreHistory(claim));
        assertEquals("not saved yet: a score needs a verdict and an evidence support", s.status());

        Score v1 = s.setSupport(EvidenceSupport.CONTRADICTS).orElseThrow();
        Score v2 = s.setLocalisation(Localisation.HIT_ONLY).orElseThrow();
        Score v3 = s.setErrorType(ErrorType.WRONG_SEVERITY_OR_SIZE).orElseThrow();
        Score v4 = s.setSignificance(Significance.SIGNIFICANT).orElseThrow();
        Score v5 = s.setNote("  volume includes the gallbladder ").orElseThrow();
        assertTrue(s.setNote("volume includes the gallbladder").isEmpty(), "an unchanged field saves nothing");

        List<Score> history = store.scoreHistory(claim);
        assertEquals(List.of(1, 2, 3, 4, 5), history.stream().map(Score::version).toList());
        assertEquals(List.of(v1.id(), v2.id(), v3.id(), v4.id(), v5.id()), history.stream().map(Score::id).toList());
        assertEquals(v2.id(), history.get(0).supersededBy());
        assertEquals(v5.id(), history.get(3).supersededBy());
        assertNull(history.get(4).supersededBy());
        Score last = history.get(4);
        assertEquals(new ScoreFields(Verdict.INCORRECT, EvidenceSupport.CONTRADICTS, Localisation.HIT_ONLY,
                ErrorType.WRONG_SEVERITY_OR_SIZE, Significance.SIGNIFICANT, "volume includes the gallbladder"), ScoreFields.of(last));
        assertEquals(s.reviewer().id(), last.reviewerId());
        assertTrue(last.current());
        assertEquals("1 of 6 scored", s.progress().toString());
        assertEquals("1 of 2 scored", s.caseProgress().toString());
    }

    @Test
    void undoSavesThePreviousFieldsAgainAsANewVersionAndWithdrawsAFirstScore() {
        ReviewSession s = session("ann");
        long claim = claims.get(0).id();
        s.setVerdict(Verdict.CORRECT);
        Score v1 = s.setSupport(EvidenceSupport.SUPPORTS).orElseThrow();
        s.setLocalisation(Localisation.GOOD);
        s.nextClaim();

        Score v3 = s.undo().orElseThrow();
        assertEquals(claim, s.currentClaim().orElseThrow().claim().id(), "undo goes back to the claim it changes");
        assertEquals(3, v3.version());
        assertEquals(ScoreFields.of(v1), ScoreFields.of(v3));
        assertEquals(ScoreFields.of(v1), s.fields());
        assertEquals("undone: restored version 1 as version 3", s.status());
        List<Score> history = store.scoreHistory(claim);
        assertEquals(List.of(1, 2, 3), history.stream().map(Score::version).toList());
        assertEquals(List.of(false, false, true), history.stream().map(Score::current).toList());
        assertEquals(Localisation.GOOD, history.get(1).localisation());

        // The next undo takes back the change that made the first score: the claim is unscored again, and the
        // withdrawn version stays in the history, current no more and superseded by nothing.
        assertTrue(s.undo().isEmpty());
        assertEquals("undone: the claim is unscored again (the withdrawn score stays in the history)", s.status());
        assertEquals(List.of(), store.currentScores(claim));
        history = store.scoreHistory(claim);
        assertEquals(List.of(1, 2, 3), history.stream().map(Score::version).toList());
        assertEquals(List.of(false, false, false), history.stream().map(Score::current).toList());
        assertEquals(null, history.get(2).supersededBy());
        assertFalse(s.scoredByMe(claim));
        assertEquals("0 of 6 scored", s.progress().toString());
        // Scoring again continues the numbering: versions never repeat.
        s.setVerdict(Verdict.INCORRECT);
        assertEquals(4, s.setSupport(EvidenceSupport.CONTRADICTS).orElseThrow().version());
    }

    @Test
    void undoOfAnUnsavedChangeOnlyRestoresTheFields() {
        ReviewSession s = session("ann");
        s.setVerdict(Verdict.UNGRADABLE);
        assertTrue(s.undo().isEmpty());
        assertEquals(ScoreFields.EMPTY, s.fields());
        assertEquals("undone (not saved yet)", s.status());
        assertFalse(s.canUndo());
    }

    @Test
    void choosingCorrectClearsTheErrorTypeAndAnErrorTypeIsRefusedOnACorrectClaim() {
        ReviewSession s = session("ann");
        s.setVerdict(Verdict.INCORRECT);
        s.setSupport(EvidenceSupport.NONE_OR_OFF_TARGET);
        s.setErrorType(ErrorType.FALSE_FINDING);
        Score correct = s.setVerdict(Verdict.CORRECT).orElseThrow();
        assertNull(correct.errorType());
        assertTrue(s.setErrorType(ErrorType.DEVICE_ERROR).isEmpty());
        assertEquals("a claim marked correct has no error type: change the verdict first", s.status());
        assertEquals(3, store.scoreHistory(claims.get(0).id()).size());
    }

    @Test
    void walksClaimsAcrossCasesAndStopsAtBothEnds() {
        ReviewSession s = session("ann");
        assertFalse(s.previousClaim());
        List<String> seen = new ArrayList<>();
        do {
            seen.add(s.currentClaim().orElseThrow().claim().text());
        } while (s.nextClaim());
        assertEquals(List.of("case-1 liver", "case-1 spleen", "case-2 liver", "case-2 spleen", "case-3 liver", "case-3 spleen"), seen);
        assertTrue(s.previousClaim());
        assertTrue(s.previousClaim());
        assertEquals("case-2 spleen", s.currentClaim().orElseThrow().claim().text());
        assertTrue(s.nextCase());
        assertEquals("case-3 liver", s.currentClaim().orElseThrow().claim().text());
        assertFalse(s.nextCase());
        assertTrue(s.previousCase());
        assertEquals("case-2", s.currentCase().orElseThrow().studyRef());
    }

    @Test
    void filtersTheWorklistAndKeepsItsSnapshotWhileScoring() {
        ReviewSession ann = session("ann");
        ReviewSession ben = session("ben");
        ann.setVerdict(Verdict.CORRECT);
        ann.setSupport(EvidenceSupport.SUPPORTS);
        ben.setVerdict(Verdict.INCORRECT);
        ben.setSupport(EvidenceSupport.CONTRADICTS);

        ann.load(ann.allClaims().unscored());
        assertEquals(List.of("case-1 spleen", "case-2 liver", "case-2 spleen", "case-3 liver", "case-3 spleen"), texts(ann));
        ann.selectCase(0);
        ann.setVerdict(Verdict.CORRECT);
        ann.setSupport(EvidenceSupport.SUPPORTS);
        assertEquals(5, texts(ann).size(), "a claim scored during the session stays on the list");
        assertEquals("1 of 5 scored", ann.progress().toString());

        ann.load(ann.allClaims().atSite("B"));
        assertEquals(List.of("case-3 liver", "case-3 spleen"), texts(ann));
        ann.load(ann.allClaims().model("nodules"));
        assertEquals(List.of("case-2 liver", "case-2 spleen"), texts(ann));
        ann.load(ann.allClaims().disagreeing());
        assertEquals(List.of("case-1 liver"), texts(ann));
        store.assign(cases.get(2).id(), ann.reviewer().id());
        ann.load(ann.allClaims().mine());
        assertEquals(List.of("case-3 liver", "case-3 spleen"), texts(ann));
    }

    @Test
    void aSeededShuffleGivesTheSameOrderEveryTime() {
        ReviewSession s = session("ann");
        s.load(s.allClaims().shuffled(42));
        List<String> first = texts(s);
        s.load(s.allClaims().shuffled(42));
        assertEquals(first, texts(s));
        assertEquals(List.of("case-1 liver", "case-1 spleen", "case-2 liver", "case-2 spleen", "case-3 liver", "case-3 spleen"),
                first.stream().sorted().toList());
    }

    @Test
    void blindedModeHidesTheModelAndOtherReviewersScores() {
        ReviewSession ben = session("ben");
        ben.setVerdict(Verdict.INCORRECT);
        ben.setSupport(EvidenceSupport.CONTRADICTS);
        ReviewSession ann = session("ann");
        ann.load(ann.allClaims().blind());
        assertTrue(ann.blinded());
        WorklistItem first = ann.currentClaim().orElseThrow();
        assertNull(first.modelId());
        assertNull(first.claim().runId());
        assertEquals(List.of(), first.otherScores());
        ann.load(ann.allClaims());
        assertEquals("organs", ann.currentClaim().orElseThrow().modelId());
        assertEquals(1, ann.currentClaim().orElseThrow().otherScores().size());
    }

    @Test
    void aNewSessionPicksUpTheReviewersScoresFromTheProject() {
        store.saveScore(new ScoreDraft(claims.get(1).id(), ReviewSession.start(store, "ann").reviewer().id(),
                Verdict.PARTIALLY_CORRECT, EvidenceSupport.PARTIAL, Localisation.HIT_ONLY, ErrorType.WRONG_LOCATION,
                Significance.INSIGNIFICANT, "left not right"));
        store.close();
        store = Projects.open(dir.resolve("p"));
        ReviewSession s = session("ann");
        assertEquals(1, store.reviewers().size(), "the reviewer is found by name, not added twice");
        s.nextClaim();
        assertTrue(s.scoredByMe(claims.get(1).id()));
        assertFalse(s.scoredByMe(claims.get(0).id()));
        assertEquals(new ScoreFields(Verdict.PARTIALLY_CORRECT, EvidenceSupport.PARTIAL, Localisation.HIT_ONLY,
                ErrorType.WRONG_LOCATION, Significance.INSIGNIFICANT, "left not right"), s.fields());
        assertEquals("1 of 6 scored", s.progress().toString());
    }

    @Test
    void worklistChoicesBecomeTheStoreQueriesTheReaderPicked() {
        ReviewSession ann = session("ann");
        ReviewSession bob = session("bob");
        // ann scores case-1 liver correct, bob incorrect: a disagreement; ann also scores case-3 spleen.
        ann.selectCase(0);
        ann.setVerdict(Verdict.CORRECT);
        ann.setSupport(EvidenceSupport.SUPPORTS);
        bob.selectCase(0);
        bob.setVerdict(Verdict.INCORRECT);
        bob.setSupport(EvidenceSupport.CONTRADICTS);
        ann.selectCase(2);
        ann.nextClaim();
        ann.setVerdict(Verdict.CORRECT);
        ann.setSupport(EvidenceSupport.SUPPORTS);

        long me = ann.reviewer().id();
        ann.load(WorklistChoice.UNSCORED.query(me, false, null));
        assertEquals(List.of("case-1 spleen", "case-2 liver", "case-2 spleen", "case-3 liver"), texts(ann));
        ann.load(WorklistChoice.DISAGREEMENTS.query(me, false, null));
        assertEquals(List.of("case-1 liver"), texts(ann));
        ann.load(WorklistChoice.ALL.query(me, true, null));
        assertEquals(true, ann.blinded());
        assertEquals(6, texts(ann).size());
        ann.load(WorklistChoice.ALL.query(me, false, 7L));
        List<String> shuffled = texts(ann);
        ann.load(WorklistChoice.ALL.query(me, false, 7L));
        assertEquals(shuffled, texts(ann), "the same seed gives the same order");
        assertEquals("disagreements cannot be listed blinded: they would show other reviewers' verdicts",
                assertThrows(IllegalArgumentException.class, () -> WorklistChoice.DISAGREEMENTS.query(me, true, null))
                        .getMessage());
    }
}
