package dev.attest.annotation.model;

import dev.attest.core.io.Sha256;
import java.time.Instant;
import java.util.Objects;

/** One model applied to one case, as recorded: identity, weights checksum, parameters (JSON), engine, device, times. */
public record ModelRunDraft(long caseId, String modelId, String modelVersion, String weightsSha256,
        String parametersJson, String engine, String device, Instant started, Instant ended) {
    public ModelRunDraft {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(started, "started");
        if (weightsSha256 != null && !Sha256.isHex(weightsSha256)) {
            throw new IllegalArgumentException("weights sha256 must be 64 lower-case hex digits, got '" + weightsSha256 + "'");
        }
    }
}
