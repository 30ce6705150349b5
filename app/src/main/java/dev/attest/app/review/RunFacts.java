package dev.attest.app.review;

import java.time.Instant;
import java.util.Objects;

/**
 * What a project records about one model run (identity, weights checksum, parameters as JSON, engine,
 * device, times), kept apart from the inference module's types so the review code never loads them.
 */
public record RunFacts(String modelId, String modelVersion, String weightsSha256, String parametersJson,
                       String engine, String device, Instant started, Instant ended) {
    public RunFacts {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(started, "started");
    }
}
