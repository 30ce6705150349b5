package dev.attest.annotation.model;

import java.time.Instant;

/**
 * A stored score. Scores are never edited: a change is a new version, and the one it replaces records
 * {@code supersededBy} and stops being current.
 */
public record Score(long id, long claimId, long reviewerId, int version, Verdict verdict, EvidenceSupport support,
        Localisation localisation, ErrorType errorType, Significance significance, String note, Instant created,
        Long supersededBy, boolean current) {
}
