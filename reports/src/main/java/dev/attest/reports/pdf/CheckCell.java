package dev.attest.reports.pdf;

import java.util.Objects;

/**
 * One automatic check of a claim as shown in the claims table.
 *
 * @param kind    what was checked, e.g. "laterality" or "size"
 * @param outcome pass, fail or unknown
 * @param value   the measured number or fact with its unit, e.g. "31.0 mm"; may be empty
 * @param detail  why the outcome is what it is, e.g. "claim says 12 mm"; may be empty
 */
public record CheckCell(String kind, CheckOutcome outcome, String value, String detail) {
    public CheckCell {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        value = value == null ? "" : value;
        detail = detail == null ? "" : detail;
    }
}
