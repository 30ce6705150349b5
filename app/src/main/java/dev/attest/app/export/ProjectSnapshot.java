package dev.attest.app.export;

import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimRevision;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReportAcceptability;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.store.ProjectStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an export reads from a project, read once at the start so every table describes the same moment,
 * even if a reviewer keeps scoring while the export runs.
 */
record ProjectSnapshot(List<Reviewer> reviewers, List<ReviewCase> cases, List<ModelRun> runs, List<Claim> claims,
                       Map<Long, List<Evidence>> evidence, Map<Long, List<ClaimCheck>> checks,
                       Map<Long, List<ClaimRevision>> revisions, List<Score> scores, List<MissedFinding> missed,
                       List<CorrectedAnnotation> corrections, List<ReportAcceptability> acceptability) {

    static ProjectSnapshot read(ProjectStore store) {
        List<ReviewCase> cases = store.cases();
        List<Claim> claims = store.claims();
        Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
        Map<Long, List<ClaimCheck>> checks = new LinkedHashMap<>();
        Map<Long, List<ClaimRevision>> revisions = new LinkedHashMap<>();
        for (Claim c : claims) {
            evidence.put(c.id(), store.evidence(c.id()));
            checks.put(c.id(), store.checks(c.id()));
            revisions.put(c.id(), store.revisions(c.id()));
        }
        List<CorrectedAnnotation> corrections = new ArrayList<>();
        List<ReportAcceptability> acceptability = new ArrayList<>();
        for (ReviewCase c : cases) {
            corrections.addAll(store.corrections(c.id()));
            acceptability.addAll(store.acceptability(c.id()));
        }
        return new ProjectSnapshot(store.reviewers(), cases, store.modelRuns(), claims, evidence, checks, revisions,
                store.currentScores(), store.missedFindings(), corrections, acceptability);
    }

    /** The claims of each case, in id order. */
    Map<Long, List<Claim>> claimsByCase() {
        Map<Long, List<Claim>> out = new LinkedHashMap<>();
        claims.forEach(c -> out.computeIfAbsent(c.caseId(), k -> new ArrayList<>()).add(c));
        return out;
    }

    /** Every piece of evidence, by id. */
    List<Evidence> allEvidence() {
        return evidence.values().stream().flatMap(List::stream).sorted(java.util.Comparator.comparingLong(Evidence::id))
                .toList();
    }
}
