package dev.attest.app.review;

import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;

/**
 * The scoring fields of one claim as the reviewer has set them so far (any may still be null). The store
 * needs a verdict and an evidence support before a score can be saved; until then the fields are pending.
 */
public record ScoreFields(Verdict verdict, EvidenceSupport support, Localisation localisation, ErrorType errorType,
                          Significance significance, String note) {

    public static final ScoreFields EMPTY = new ScoreFields(null, null, null, null, null, null);

    public static ScoreFields of(Score s) {
        return new ScoreFields(s.verdict(), s.support(), s.localisation(), s.errorType(), s.significance(), s.note());
    }

    /** Whether the store can take these fields as a score. */
    public boolean saveable() {
        return verdict != null && support != null;
    }

    public ScoreDraft toDraft(long claimId, long reviewerId) {
        return new ScoreDraft(claimId, reviewerId, verdict, support, localisation, errorType, significance, note);
    }

    /** A correct claim has no error type, so choosing "correct" clears one chosen before. */
    public ScoreFields withVerdict(Verdict v) {
        return new ScoreFields(v, support, localisation, v == Verdict.CORRECT ? null : errorType, significance, note);
    }

    public ScoreFields withSupport(EvidenceSupport s) {
        return new ScoreFields(verdict, s, localisation, errorType, significance, note);
    }

    public ScoreFields withLocalisation(Localisation l) {
        return new ScoreFields(verdict, support, l, errorType, significance, note);
    }

    /** Naming an error on a claim marked correct makes no sense: the verdict must change first. */
    public ScoreFields withErrorType(ErrorType e) {
        if (e != null && verdict == Verdict.CORRECT) {
            throw new IllegalStateException("a claim marked correct has no error type; change the verdict first");
        }
        return new ScoreFields(verdict, support, localisation, e, significance, note);
    }

    public ScoreFields withSignificance(Significance s) {
        return new ScoreFields(verdict, support, localisation, errorType, s, note);
    }

    /** A blank note is stored as none. */
    public ScoreFields withNote(String n) {
        return new ScoreFields(verdict, support, localisation, errorType, significance,
                n == null || n.isBlank() ? null : n.strip());
    }
}
