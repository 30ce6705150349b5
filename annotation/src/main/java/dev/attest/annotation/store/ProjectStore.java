package dev.attest.annotation.store;

import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.AuditEntry;
import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimCheckDraft;
import dev.attest.annotation.model.ClaimRevision;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.CorrectionDraft;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.MissedFinding;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.Progress;
import dev.attest.annotation.model.ReportAcceptability;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.WorklistPage;
import dev.attest.annotation.model.WorklistQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A benchmark project's storage: records in, records out. Every method that changes something commits one
 * transaction (with its audit entries) before it returns, so a returned record survives a killed process.
 * Implementations are safe to call from several threads.
 */
public interface ProjectStore extends AutoCloseable {

    /** The project folder. */
    Path folder();

    /** True when this store was opened read-only (another process holds the project); writes then throw. */
    boolean readOnly();

    Reviewer addReviewer(String name);

    List<Reviewer> reviewers();

    /** Imports a batch of cases in one transaction: all or none. */
    List<ReviewCase> importCases(List<CaseDraft> cases);

    List<ReviewCase> cases();

    void assign(long caseId, long reviewerId);

    ModelRun recordModelRun(ModelRunDraft run);

    Optional<ModelRun> modelRun(long runId);

    /** Records a batch of model runs in one transaction. */
    List<ModelRun> recordModelRuns(List<ModelRunDraft> runs);

    /** Every model run in the project, by id. */
    List<ModelRun> modelRuns();

    /** Adds a batch of claims in one transaction. */
    List<Claim> addClaims(List<ClaimDraft> claims);

    List<Claim> claims(long caseId);

    /** Every claim in the project, by id: one read for metrics over the whole project. */
    List<Claim> claims();

    /** Adds a batch of evidence in one transaction. */
    List<Evidence> addEvidence(List<EvidenceDraft> evidence);

    List<Evidence> evidence(long claimId);

    /** The ids of the claims that have at least one piece of evidence, ascending. */
    List<Long> claimsWithEvidence();

    /**
     * Stores a score as a new version superseding the reviewer's previous score of that claim, and returns it
     * only after the commit: the returned score is the acknowledgement.
     */
    Score saveScore(ScoreDraft score);

    /** Stores a batch of scores in one transaction, each superseding as {@link #saveScore} does. */
    List<Score> saveScores(List<ScoreDraft> scores);

    Optional<Score> score(long scoreId);

    /**
     * Withdraws a reviewer's current score on a claim, leaving the claim unscored by them; the row stays in the
     * history as not current and superseded by nothing. How an undo takes back a first score.
     *
     * @throws IllegalArgumentException if the reviewer has no current score on the claim
     */
    Score withdrawScore(long claimId, long reviewerId);

    /** The current score of every reviewer who scored the claim, by reviewer id. */
    List<Score> currentScores(long claimId);

    /** Every version by every reviewer of the claim, oldest first. */
    List<Score> scoreHistory(long claimId);

    /** The current (latest, not superseded) score of every reviewer on every claim, by claim then reviewer. */
    List<Score> currentScores();

    CorrectedAnnotation addCorrection(CorrectionDraft correction);

    List<CorrectedAnnotation> corrections(long caseId);

    /** Records where a case's image is (a NIfTI file or DICOM folder), for cases imported without one or moved. */
    ReviewCase setImageRef(long caseId, String imageRef);

    /** Stores automatic consistency check results; earlier results of the same kind for a claim stay in history. */
    List<ClaimCheck> addChecks(List<ClaimCheckDraft> checks);

    /** The newest check result of each kind for a claim. */
    List<ClaimCheck> checks(long claimId);

    /** Keeps a reviewer's edit of a claim's text as its next version (the model's text is version 1). */
    ClaimRevision reviseClaim(long claimId, long editorId, String text);

    /** A claim's text revisions, oldest first; empty when nobody edited it. */
    List<ClaimRevision> revisions(long claimId);

    MissedFinding addMissedFinding(long caseId, long reviewerId, String text, String geometryJson);

    List<MissedFinding> missedFindings(long caseId);

    /** Every missed finding in the project, by id. */
    List<MissedFinding> missedFindings();

    ReportAcceptability setAcceptability(long caseId, long reviewerId, Acceptability acceptability, String note);

    List<ReportAcceptability> acceptability(long caseId);

    WorklistPage worklist(WorklistQuery query);

    /** Claims of the case the reviewer has a current score for, out of the case's claims. */
    Progress progress(long reviewerId, long caseId);

    /** Claims in the project the reviewer has a current score for, out of all claims. */
    Progress progress(long reviewerId);

    /** Audit entries with id greater than {@code afterId}, oldest first, at most {@code limit}. */
    List<AuditEntry> audit(long afterId, int limit);

    /** Copies a file into {@code artifacts/} under the given name and returns its reference with sha256. */
    ArtifactRef importArtifact(Path source, String name);

    /** Resolves an artifact reference to a file, checking that its sha256 still matches. */
    Path resolveArtifact(ArtifactRef ref);

    @Override
    void close();
}
