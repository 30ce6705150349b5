package dev.attest.annotation.model;

import java.time.Instant;

/** A finding a reviewer says the model missed in a case, optionally located by a point or box (geometry JSON). */
public record MissedFinding(long id, long caseId, long reviewerId, String text, String geometryJson, Instant created) {
}
