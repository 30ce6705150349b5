package dev.attest.annotation.model;

import java.util.Objects;

/**
 * A claim to add: its case, the model run that made it (null when a person added it by hand), its kind and
 * text, and optionally the label value it refers to and a measured number with its unit (e.g. 1512 "mL").
 */
public record ClaimDraft(long caseId, Long runId, ClaimKind kind, String text, Integer labelValue,
        Double numericValue, String unit) {
    public ClaimDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (numericValue != null && (numericValue.isNaN() || numericValue.isInfinite())) {
            throw new IllegalArgumentException("claim value must be finite, got " + numericValue);
        }
    }
}
