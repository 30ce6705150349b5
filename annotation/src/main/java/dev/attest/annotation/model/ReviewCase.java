package dev.attest.annotation.model;

import java.time.Instant;

/** One study (or series) under review, as stored. */
public record ReviewCase(long id, String studyRef, String site, String scanner, String modality, Instant created) {
}
