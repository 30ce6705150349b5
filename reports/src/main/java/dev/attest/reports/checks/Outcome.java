package dev.attest.reports.checks;

/** A check's verdict: consistent, inconsistent, or not decidable from this claim and evidence. */
public enum Outcome {
    PASS, FAIL, UNKNOWN
}
