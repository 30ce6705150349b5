package dev.attest.reports.pdf;

import java.util.Objects;

/**
 * One reviewer's score of one claim, already turned into words by the caller.
 *
 * @param reviewer     the reviewer's pseudonym, e.g. "R1"
 * @param verdict      correct / partially correct / incorrect / ungradable
 * @param support      how the evidence supports the claim
 * @param localisation good / hit only / miss, or empty when the claim has no localised evidence
 * @param errorType    the error type when not correct, else empty
 * @param significance significant / insignificant, or empty
 * @param note         the reviewer's free-text note, or empty
 */
public record ScoreCell(String reviewer, String verdict, String support, String localisation, String errorType,
                        String significance, String note) {
    public ScoreCell {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(verdict, "verdict");
        support = orEmpty(support);
        localisation = orEmpty(localisation);
        errorType = orEmpty(errorType);
        significance = orEmpty(significance);
        note = orEmpty(note);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
