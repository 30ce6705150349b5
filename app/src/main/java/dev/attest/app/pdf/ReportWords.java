package dev.attest.app.pdf;

import dev.attest.annotation.model.Acceptability;
import dev.attest.annotation.model.EvidenceKind;
import java.util.Locale;

/**
 * The words a PDF prints for stored codes: "PARTIALLY_CORRECT" reads "partially correct", as in the scoring
 * protocol (docs: SCORING.md), never shortened as the review panel's buttons are.
 */
final class ReportWords {
    private ReportWords() {
    }

    /** Any scoring enum in words; null stays null (a field the reviewer left empty). */
    static String of(Enum<?> value) {
        if (value == null) {
            return null;
        }
        return switch (value.name()) {
            case "NONE_OR_OFF_TARGET" -> "none or off-target";
            default -> value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** "heat map" rather than "heatmap": the report's column reads as prose. */
    static String of(EvidenceKind kind) {
        return kind == EvidenceKind.HEATMAP ? "heat map" : kind.name().toLowerCase(Locale.ROOT);
    }

    /** A judgement with the reviewer's note after a colon when there is one. */
    static String of(Acceptability acceptability, String note) {
        String words = of(acceptability);
        return note == null || note.isBlank() ? words : words + ": " + note.strip();
    }
}
