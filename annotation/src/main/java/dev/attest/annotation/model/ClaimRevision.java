package dev.attest.annotation.model;

import java.time.Instant;

/**
 * A reviewer's edit of a claim's text, kept as a new version: the claim row keeps the model's text (version 1)
 * and each revision is version 2, 3 and so on; nothing is overwritten.
 */
public record ClaimRevision(long id, long claimId, int version, String text, long editorId, Instant created) {
}
