package dev.attest.annotation.model;

import java.time.Instant;

/** One change to a project: who (null for the system), when, what action on which entity, with details as JSON. */
public record AuditEntry(long id, Long reviewerId, Instant at, String action, String entity, long entityId,
        String detailsJson) {
}
