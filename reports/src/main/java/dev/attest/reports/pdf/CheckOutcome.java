package dev.attest.reports.pdf;

/** The result of one automatic check of a claim, as printed (and coloured) in a case report. */
public enum CheckOutcome {
    PASS, FAIL, UNKNOWN
}
