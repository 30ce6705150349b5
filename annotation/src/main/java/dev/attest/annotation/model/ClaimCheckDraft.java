package dev.attest.annotation.model;

import java.util.Objects;

/**
 * An automatic consistency check result to store for a claim.
 *
 * @param kind    what was checked, such as "laterality", "location", "size" or "existence"
 * @param value   the number the outcome rests on (a fraction, a ratio), or null when there is none
 * @param detail  a short reason a reviewer can read
 */
public record ClaimCheckDraft(long claimId, String kind, CheckOutcome outcome, Double value, String detail) {
    public ClaimCheckDraft {
        Objects.requireNonNull(outcome, "outcome");
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a check needs its kind");
        }
    }
}
