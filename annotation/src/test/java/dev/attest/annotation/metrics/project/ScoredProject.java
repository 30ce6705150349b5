package dev.attest.annotation.metrics.project;

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
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A scored SQLite project small enough to check every metric by hand.
 *
 * <pre>
 * case  site scanner modality model    claims (evidence)
 * c1    A    S1      CT       organs   k1 (box), k2
 * c2    A    S2      CT       organs   k3 (box), k4
 * c3    B    S1      MR       nodules  k5 (box), k6 (box)
 *
 * current scores       k1        k2              k3                    k4           k5                 k6
 * ann                  C/sup     C/none          I/sup false_finding   U/none       P/partial severity C/contra
 * ben                  C/sup     I/none false_f. I/partial location    C/sup        C/sup              C/sup
 * cat                  C/sup     C/sup
 * superseded: ann's first k1 (incorrect, false finding) and ben's first k4 (ungradable)
 * missed findings: ann 1 on c1, ben 2 on c3
 * </pre>
 */
record ScoredProject(ProjectStore store, List<Reviewer> reviewers, List<ReviewCase> cases, List<Claim> claims) {

    static ScoredProject create(Path folder) {
        ProjectStore store = Projects.create(folder);
        List<Reviewer> reviewers = List.of(store.addReviewer("ann"), store.addReviewer("ben"), store.addReviewer("cat"));
        List<ReviewCase> cases = store.importCases(List.of(new CaseDraft("study-1", "A", "S1", "CT"),
                new CaseDraft("study-2", "A", "S2", "CT"), new CaseDraft("study-3", "B", "S1", "MR")));
        Instant at = Instant.parse("2026-02-01T08:00:00Z");
        List<ModelRun> runs = store.recordModelRuns(List.of(
                new ModelRunDraft(cases.get(0).id(), "organs", "1", null, "{}", "PyTorch", "cpu", at, at),
                new ModelRunDraft(cases.get(1).id(), "organs", "1", null, "{}", "PyTorch", "cpu", at, at),
                new ModelRunDraft(cases.get(2).id(), "nodules", "2", null, "{}", "PyTorch", "cpu", at, at)));
        List<Claim> claims = store.addClaims(List.of(claim(runs.get(0), "k1"), claim(runs.get(0), "k2"),
                claim(runs.get(1), "k3"), claim(runs.get(1), "k4"), claim(runs.get(2), "k5"), claim(runs.get(2), "k6")));
        store.addEvidence(List.of(box(claims.get(0)), box(claims.get(2)), box(claims.get(4)), box(claims.get(5))));

        long ann = reviewers.get(0).id();
        long ben = reviewers.get(1).id();
        long cat = reviewers.get(2).id();
        // Earlier versions, superseded below: metrics must use the latest.
        store.saveScores(List.of(
                score(claims.get(0), ann, Verdict.INCORRECT, EvidenceSupport.CONTRADICTS, ErrorType.FALSE_FINDING),
                score(claims.get(3), ben, Verdict.UNGRADABLE, EvidenceSupport.NONE_OR_OFF_TARGET, null)));
        store.saveScores(List.of(
                score(claims.get(0), ann, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null),
                score(claims.get(1), ann, Verdict.CORRECT, EvidenceSupport.NONE_OR_OFF_TARGET, null),
                score(claims.get(2), ann, Verdict.INCORRECT, EvidenceSupport.SUPPORTS, ErrorType.FALSE_FINDING),
                score(claims.get(3), ann, Verdict.UNGRADABLE, EvidenceSupport.NONE_OR_OFF_TARGET, null),
                score(claims.get(4), ann, Verdict.PARTIALLY_CORRECT, EvidenceSupport.PARTIAL,
                        ErrorType.WRONG_SEVERITY_OR_SIZE),
                score(claims.get(5), ann, Verdict.CORRECT, EvidenceSupport.CONTRADICTS, null),
                score(claims.get(0), ben, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null),
                score(claims.get(1), ben, Verdict.INCORRECT, EvidenceSupport.NONE_OR_OFF_TARGET, ErrorType.FALSE_FINDING),
                score(claims.get(2), ben, Verdict.INCORRECT, EvidenceSupport.PARTIAL, ErrorType.WRONG_LOCATION),
                score(claims.get(3), ben, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null),
                score(claims.get(4), ben, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null),
                score(claims.get(5), ben, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null),
                score(claims.get(0), cat, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null),
                score(claims.get(1), cat, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null)));
        store.addMissedFinding(cases.get(0).id(), ann, "small liver lesion", null);
        store.addMissedFinding(cases.get(2).id(), ben, "second nodule", null);
        store.addMissedFinding(cases.get(2).id(), ben, "pleural effusion", null);
        return new ScoredProject(store, reviewers, cases, claims);
    }

    private static ClaimDraft claim(ModelRun run, String text) {
        return new ClaimDraft(run.caseId(), run.id(), ClaimKind.FINDING, text, null, null, null);
    }

    private static EvidenceDraft box(Claim claim) {
        return new EvidenceDraft(claim.id(), EvidenceKind.BOX, null, "{\"box\":[1,2,3,4]}", null);
    }

    private static ScoreDraft score(Claim claim, long reviewer, Verdict verdict, EvidenceSupport support,
            ErrorType error) {
        return new ScoreDraft(claim.id(), reviewer, verdict, support, null, error, null, null);
    }
}
