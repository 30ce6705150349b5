package dev.attest.app.probe;

/** A project case that was not probed, and why (its image is gone, is colour, or the model failed on it). */
public record SkippedCase(long caseId, String studyRef, String reason) {
}
