package dev.attest.app.pdf;

import dev.attest.annotation.model.ClaimCheck;
import dev.attest.reports.pdf.CheckCell;
import dev.attest.reports.pdf.CheckOutcome;
import java.util.Locale;

/**
 * A stored automatic check as the case report prints it. The store keeps only the bare number of a check, so
 * the number is given its meaning here from the check's kind (see docs/reports.md for the definitions). The
 * stored detail, which says in words how the outcome was reached, is printed for failed and undecided checks
 * only: a pass is explained by its number, and four passing explanations per claim would bury the one failure.
 */
final class CheckCells {
    private CheckCells() {
    }

    /**
     * @param maskEvidence whether the claim's evidence is a mask, whose existence mass is a count of voxels
     */
    static CheckCell of(ClaimCheck check, boolean maskEvidence) {
        CheckOutcome outcome = CheckOutcome.valueOf(check.outcome().name());
        return new CheckCell(check.kind(), outcome, value(check.kind(), check.value(), maskEvidence),
                outcome == CheckOutcome.PASS ? "" : check.detail());
    }

    /** The measured number with what it measures; empty when the check had no number. */
    static String value(String kind, Double value, boolean maskEvidence) {
        if (value == null) {
            return "";
        }
        double v = value;
        return switch (kind) {
            case "existence" -> maskEvidence ? String.format(Locale.ROOT, "%,.0f voxels", v)
                    : "evidence mass " + plain(v);
            case "laterality" -> percent(v) + " on the claimed side";
            case "location" -> percent(v) + " inside the claimed structure";
            case "size" -> String.format(Locale.ROOT, "measured / stated %.2f", v);
            default -> plain(v);
        };
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    /** Whole numbers with thousands separators, anything else with two decimals, as the review panel shows them. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) >= 2 ? String.format(Locale.ROOT, "%,.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }
}
