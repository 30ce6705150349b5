package dev.attest.annotation.model;

import java.time.Instant;

/** A reviewer's current overall judgement of a case's report; a new judgement replaces the previous one. */
public record ReportAcceptability(long caseId, long reviewerId, Acceptability acceptability, String note, Instant created) {
}
