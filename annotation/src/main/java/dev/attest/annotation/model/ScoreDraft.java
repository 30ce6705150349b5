package dev.attest.annotation.model;

import java.util.Objects;

/**
 * One reviewer's judgement of one claim, before it is stored. Localisation is null when there is nothing
 * to localise; error type is null for a correct claim (and may be null for an ungradable one).
 */
public record ScoreDraft(long claimId, long reviewerId, Verdict verdict, EvidenceSupport support,
        Localisation localisation, ErrorType errorType, Significance significance, String note) {
    public ScoreDraft {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(support, "support");
        if (verdict == Verdict.CORRECT && errorType != null) {
            throw new IllegalArgumentException("a correct claim has no error type, got " + errorType);
        }
    }
}
