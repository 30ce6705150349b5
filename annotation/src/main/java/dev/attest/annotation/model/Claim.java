package dev.attest.annotation.model;

import java.time.Instant;

/** A stored claim (see {@link ClaimDraft}). */
public record Claim(long id, long caseId, Long runId, ClaimKind kind, String text, Integer labelValue,
        Double numericValue, String unit, Instant created) {
}
