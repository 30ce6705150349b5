package dev.attest.annotation.model;

import java.time.Instant;

/** A stored model run (see {@link ModelRunDraft}). */
public record ModelRun(long id, long caseId, String modelId, String modelVersion, String weightsSha256,
        String parametersJson, String engine, String device, Instant started, Instant ended) {
}
