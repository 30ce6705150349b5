package dev.attest.reports.checks;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * The result of one check: its verdict, the number it was decided on (null when there was none) with what
 * that number is, and a short reason in words. Jackson-serialisable, for storing and export.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckResult(CheckKind check, Outcome outcome, Double value, String measure, String reason) {
    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("a check value must be finite, got " + value);
        }
    }

    static CheckResult unknown(CheckKind check, String reason) {
        return new CheckResult(check, Outcome.UNKNOWN, null, null, reason);
    }
}
