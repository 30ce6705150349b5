package dev.attest.annotation.metrics.groundtruth;

/** Thrown inside the comparison of a correction when it cannot be measured; caught per pairing and recorded. */
final class ComparisonSkipped extends Exception {
    private final SkipReason reason;

    ComparisonSkipped(SkipReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    SkipReason reason() {
        return reason;
    }
}
