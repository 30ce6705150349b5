package dev.attest.reports.pdf;

import java.util.List;
import java.util.Objects;

/**
 * One claim of a case report with its automatic checks and every reviewer's score.
 *
 * @param index        the claim's number as the reviewers saw it
 * @param text         the claim sentence, printed exactly (wrapped to the column)
 * @param evidenceKind mask, box, heat map or none
 * @param note         printed in italics under the text, e.g. that a reviewer edited it and what the model said;
 *                     may be empty
 */
public record ClaimRow(int index, String text, String evidenceKind, List<CheckCell> checks, List<ScoreCell> scores,
                       String note) {
    public ClaimRow {
        Objects.requireNonNull(text, "text");
        evidenceKind = evidenceKind == null ? "" : evidenceKind;
        checks = List.copyOf(checks);
        scores = List.copyOf(scores);
        note = note == null ? "" : note;
    }

    /** A claim printed without a note. */
    public ClaimRow(int index, String text, String evidenceKind, List<CheckCell> checks, List<ScoreCell> scores) {
        this(index, text, evidenceKind, checks, scores, "");
    }
}
