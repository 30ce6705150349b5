package dev.attest.annotation.model;

import java.time.Instant;

/** A stored automatic consistency check of a claim; re-running the checks adds rows, the newest per kind counts. */
public record ClaimCheck(long id, long claimId, String kind, CheckOutcome outcome, Double value, String detail,
                         Instant created) {
}
