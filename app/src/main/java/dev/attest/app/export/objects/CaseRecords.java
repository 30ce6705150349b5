package dev.attest.app.export.objects;

import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimRevision;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReportAcceptability;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.store.ProjectStore;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the project holds about one case, read once: claims by id, their evidence, every reviewer's current score,
 * the newest text revision, reviewers' corrections and missed findings, report acceptability, and the model runs.
 */
record CaseRecords(List<Claim> claims, Map<Long, List<Evidence>> evidence, Map<Long, List<Score>> scores,
                   Map<Long, ClaimRevision> newestRevision, List<CorrectedAnnotation> corrections,
                   List<MissedFinding> missedFindings, List<ReportAcceptability> acceptability, Map<Long, ModelRun> runs) {

    static CaseRecords read(ProjectStore store, long caseId) {
        List<Claim> claims = store.claims(caseId).stream().sorted(Comparator.comparingLong(Claim::id)).toList();
        Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
        Map<Long, List<Score>> scores = new LinkedHashMap<>();
        Map<Long, ClaimRevision> revisions = new LinkedHashMap<>();
        Map<Long, ModelRun> runs = new LinkedHashMap<>();
        for (Claim c : claims) {
            evidence.put(c.id(), store.evidence(c.id()).stream().sorted(Comparator.comparingLong(Evidence::id)).toList());
            scores.put(c.id(), store.currentScores(c.id()).stream().sorted(Comparator.comparingLong(Score::reviewerId)).toList());
            List<ClaimRevision> r = store.revisions(c.id());
            if (!r.isEmpty()) {
                revisions.put(c.id(), r.stream().max(Comparator.comparingInt(ClaimRevision::version)).orElseThrow());
            }
            if (c.runId() != null && !runs.containsKey(c.runId())) {
                store.modelRun(c.runId()).ifPresent(run -> runs.put(run.id(), run));
            }
        }
        return new CaseRecords(claims, evidence, scores, revisions,
                store.corrections(caseId).stream().sorted(Comparator.comparingLong(CorrectedAnnotation::id)).toList(),
                store.missedFindings(caseId).stream().sorted(Comparator.comparingLong(MissedFinding::id)).toList(),
                store.acceptability(caseId).stream().sorted(Comparator.comparingLong(ReportAcceptability::reviewerId)).toList(),
                runs);
    }

    /** The claim's text as reviewers left it: the newest revision, else the model's. */
    String currentText(Claim claim) {
        ClaimRevision r = newestRevision.get(claim.id());
        return r != null ? r.text() : claim.text();
    }

    Optional<ModelRun> runOf(Claim claim) {
        return claim.runId() == null ? Optional.empty() : Optional.ofNullable(runs.get(claim.runId()));
    }

    /** Every reviewer with a score, correction, missed finding, revision or acceptability in the case, ascending by id. */
    TreeSet<Long> reviewerIds() {
        TreeSet<Long> ids = new TreeSet<>();
        scores.values().forEach(list -> list.forEach(s -> ids.add(s.reviewerId())));
        corrections.forEach(c -> ids.add(c.editorId()));
        missedFindings.forEach(m -> ids.add(m.reviewerId()));
        acceptability.forEach(a -> ids.add(a.reviewerId()));
        newestRevision.values().forEach(r -> ids.add(r.editorId()));
        return ids;
    }
}
