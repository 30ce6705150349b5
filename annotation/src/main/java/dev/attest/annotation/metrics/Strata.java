package dev.attest.annotation.metrics;

import dev.attest.annotation.model.ReviewCase;
import java.util.List;

/**
 * The dimensions every project metrics table is split by, and how a case or claim is placed in them, so that
 * the claim-level and the ground-truth tables group alike.
 */
public final class Strata {

    /** The value of an unset site, scanner or modality, and the model of claims without a model run. */
    public static final String NONE = "(none)";

    /** The split dimensions in report order; the last, "model", is a property of the claim, not the case. */
    public static final List<String> DIMENSIONS = List.of("site", "scanner", "modality", "model");

    private Strata() {
    }

    /** The case's value of dimension "site", "scanner" or "modality". */
    public static String ofCase(ReviewCase c, String dimension) {
        return switch (dimension) {
            case "site" -> orNone(c.site());
            case "scanner" -> orNone(c.scanner());
            case "modality" -> orNone(c.modality());
            default -> throw new IllegalArgumentException("'" + dimension + "' is not a property of a case");
        };
    }

    public static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
