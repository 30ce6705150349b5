package dev.attest.app.export.objects;

import java.util.Objects;
import java.util.function.LongFunction;

/**
 * How the objects name the project records they point back to (claims, evidence, corrections, missed findings):
 * inside a benchmark set the set's own ids ("claim-0001"), so a COCO annotation or an SR group joins to its row in
 * claims.jsonl; outside one, the project's ids.
 */
public record RecordNames(LongFunction<String> claim, LongFunction<String> evidence, LongFunction<String> correction,
                          LongFunction<String> missed) {

    /** The project's own ids, "claim-12", for objects written outside a benchmark set. */
    public static final RecordNames PROJECT_IDS = new RecordNames(id -> "claim-" + id, id -> "evidence-" + id,
            id -> "correction-" + id, id -> "missed-" + id);

    public RecordNames {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(missed, "missed");
    }
}
