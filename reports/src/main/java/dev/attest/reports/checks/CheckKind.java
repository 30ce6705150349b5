package dev.attest.reports.checks;

/** The automatic evidence-consistency checks, in the order {@link ConsistencyChecks} reports them. */
public enum CheckKind {
    /** Does the evidence show something exactly when the claim says there is something? */
    EXISTENCE,
    /** Does the evidence mass lie on the side the claim names? */
    LATERALITY,
    /** Does the evidence lie in the structure the claim names? */
    LOCATION,
    /** Does the evidence measure what the claim states? */
    SIZE
}
