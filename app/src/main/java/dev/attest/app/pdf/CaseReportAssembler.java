package dev.attest.app.pdf;

import dev.attest.annotation.metrics.groundtruth.GroundTruthOptions;
import dev.attest.annotation.metrics.groundtruth.ReviewerGroundTruth;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimRevision;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.reports.pdf.CaseReportData;
import dev.attest.reports.pdf.CheckCell;
import dev.attest.reports.pdf.ClaimRow;
import dev.attest.reports.pdf.ScoreCell;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads one case of a project into what its PDF prints: the case's facts and model runs, every claim (a
 * reviewer's newest edit of its text when there is one, marked as such) with its evidence kind, its automatic
 * checks and each reviewer's current score, the reviewers' corrections measured against the model's evidence, the
 * findings reviewers said the model missed, each reviewer's overall judgement, and key images through the claims'
 * evidence.
 *
 * <p>Blinded, the report is what the named reviewer may see in the blinded review mode and nothing more: no
 * model id, version or run, and only that reviewer's own scores, text edits, corrections, missed findings and
 * judgement.
 * Another reviewer's edit of a claim's text is hidden too, since what someone rewrote tells how they judged it.
 */
public final class CaseReportAssembler {

    private CaseReportAssembler() {
    }

    /** As {@link #assemble(ProjectStore, long, CaseReportOptions, Instant, ProgressListener, Cancellation)}, not cancellable. */
    public static CaseReportData assemble(ProjectStore store, long caseId, CaseReportOptions options, Instant generatedAt) {
        return assemble(store, caseId, options, generatedAt, ProgressListener.NONE, new Cancellation());
    }

    /**
     * @param generatedAt the moment the report states it was made
     * @param progress    told while the case's image is read again for the key images
     * @throws IllegalArgumentException if the project has no such case, or a blinded report names no reviewer of
     *                                  the project
     */
    public static CaseReportData assemble(ProjectStore store, long caseId, CaseReportOptions options,
                                          Instant generatedAt, ProgressListener progress, Cancellation cancel) {
        ReviewCase reviewCase = store.cases().stream().filter(c -> c.id() == caseId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("project " + store.folder() + " has no case " + caseId));
        Map<Long, String> names = new TreeMap<>();
        for (Reviewer r : store.reviewers()) {
            names.put(r.id(), r.name());
        }
        Long viewer = options.blinded() ? reviewerId(store, names, options.reviewer()) : null;
        List<ModelRun> runs = store.modelRuns().stream().filter(r -> r.caseId() == caseId).toList();

        List<ClaimRow> rows = new ArrayList<>();
        List<CaseKeyImages.ClaimEvidence> located = new ArrayList<>();
        List<Claim> claims = store.claims(caseId);
        Map<Long, Integer> claimIndex = new HashMap<>();
        Map<Long, Evidence> evidenceById = new HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            int index = i + 1;
            List<Evidence> evidence = store.evidence(claim.id());
            claimIndex.put(claim.id(), index);
            evidence.forEach(e -> evidenceById.put(e.id(), e));
            List<ClaimCheck> checks = store.checks(claim.id());
            List<Score> scores = store.currentScores(claim.id()).stream()
                    .filter(s -> viewer == null || s.reviewerId() == viewer).toList();
            rows.add(row(store, claim, index, evidence, checks, scores, names, viewer,
                    viewer == null && runs.size() > 1));
            boolean attention = checks.stream().anyMatch(c -> c.outcome() == CheckOutcome.FAIL)
                    || scores.stream().anyMatch(s -> s.verdict() != Verdict.CORRECT);
            located.add(new CaseKeyImages.ClaimEvidence(index, evidence, attention));
        }
        CaseReportData.Corrections corrections = corrections(store, caseId, claimIndex, rows, names, evidenceById,
                viewer);
        CaseKeyImages.Rendered images = CaseKeyImages.render(store, reviewCase, located, options.keyImages(),
                progress, cancel);

        List<CaseReportData.MissedFinding> missed = store.missedFindings(caseId).stream()
                .filter(m -> viewer == null || m.reviewerId() == viewer)
                .map(m -> new CaseReportData.MissedFinding(m.text(), name(names, m.reviewerId()))).toList();
        List<CaseReportData.Acceptability> judgements = store.acceptability(caseId).stream()
                .filter(a -> viewer == null || a.reviewerId() == viewer)
                .map(a -> new CaseReportData.Acceptability(name(names, a.reviewerId()),
                        ReportWords.of(a.acceptability(), a.note()))).toList();

        String title = "Case review report: case " + caseId
                + (viewer == null ? "" : " (blinded, for reviewer " + names.get(viewer) + ")");
        String modelId = null;
        List<CaseReportData.ModelRunRow> runRows = List.of();
        if (viewer == null && !runs.isEmpty()) {
            Set<String> models = new LinkedHashSet<>();
            runs.forEach(r -> models.add(r.modelVersion() == null || r.modelVersion().isBlank() ? r.modelId()
                    : r.modelId() + " " + r.modelVersion()));
            modelId = String.join(", ", models);
            runRows = runs.stream().map(r -> new CaseReportData.ModelRunRow("run " + r.id(), r.modelId(),
                    r.modelVersion(), r.engine(), r.device(), r.started(), r.ended(), r.weightsSha256())).toList();
        }
        return new CaseReportData(title, Long.toString(caseId), reviewCase.studyRef(), reviewCase.site(),
                reviewCase.scanner(), reviewCase.modality(), modelId, null, viewer != null, generatedAt,
                AttestVersion.current(), images.images(), rows, missed, judgements, runRows, images.note(), corrections);
    }

    /**
     * The case's corrections measured against the model's evidence with the default tolerances (the PDF's note
     * states them); the case's artifacts are read only when it has corrections.
     */
    private static CaseReportData.Corrections corrections(ProjectStore store, long caseId,
                                                          Map<Long, Integer> claimIndex, List<ClaimRow> rows,
                                                          Map<Long, String> names, Map<Long, Evidence> evidence,
                                                          Long viewer) {
        List<CorrectedAnnotation> stored = store.corrections(caseId);
        if (stored.isEmpty()) {
            return CaseReportData.Corrections.NONE;
        }
        Map<Long, CorrectedAnnotation> byId = new HashMap<>();
        stored.forEach(c -> byId.put(c.id(), c));
        GroundTruthOptions options = GroundTruthOptions.DEFAULT;
        return CaseCorrectionRows.of(ReviewerGroundTruth.compareCase(store, caseId, options), options,
                new CaseCorrectionRows.Context(claimIndex, rows, id -> name(names, id), byId, evidence, viewer));
    }

    private static ClaimRow row(ProjectStore store, Claim claim, int index, List<Evidence> evidence,
                                List<ClaimCheck> checks, List<Score> scores, Map<Long, String> names, Long viewer,
                                boolean nameRun) {
        List<ClaimRevision> revisions = store.revisions(claim.id()).stream()
                .filter(r -> viewer == null || r.editorId() == viewer).toList();
        String text = claim.text();
        String note = "";
        if (!revisions.isEmpty()) {
            ClaimRevision newest = revisions.get(revisions.size() - 1);
            text = newest.text();
            note = "edited by " + name(names, newest.editorId()) + " (version " + newest.version()
                    + "); the model said: " + claim.text();
        }
        Set<String> kinds = new LinkedHashSet<>();
        evidence.forEach(e -> kinds.add(ReportWords.of(e.kind())));
        String evidenceWords = kinds.isEmpty() ? "none" : String.join(", ", kinds);
        if (nameRun && claim.runId() != null) {
            evidenceWords += " (run " + claim.runId() + ")";
        }
        boolean mask = evidence.stream().anyMatch(e -> e.kind() == EvidenceKind.MASK);
        List<CheckCell> checkCells = checks.stream().map(c -> CheckCells.of(c, mask)).toList();
        List<ScoreCell> scoreCells = scores.stream().map(s -> new ScoreCell(name(names, s.reviewerId()),
                ReportWords.of(s.verdict()), ReportWords.of(s.support()), ReportWords.of(s.localisation()),
                ReportWords.of(s.errorType()), ReportWords.of(s.significance()), s.note())).toList();
        return new ClaimRow(index, text, evidenceWords, checkCells, scoreCells, note);
    }

    private static long reviewerId(ProjectStore store, Map<Long, String> names, String reviewer) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(reviewer)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("project " + store.folder()
                        + " has no reviewer named '" + reviewer + "'; its reviewers are "
                        + (names.isEmpty() ? "none" : names.values().stream().collect(Collectors.joining(", ")))));
    }

    private static String name(Map<Long, String> names, long reviewerId) {
        return names.getOrDefault(reviewerId, "reviewer " + reviewerId);
    }
}
