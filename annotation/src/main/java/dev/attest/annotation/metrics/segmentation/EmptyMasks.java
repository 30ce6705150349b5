package dev.attest.annotation.metrics.segmentation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which of the two masks of a label are empty, and so which convention its metrics follow. With both empty
 * the overlap scores (Dice, IoU, surface Dice) are 1, since prediction and reference agree perfectly, and
 * every distance is NaN, since there is no surface to measure from. With one empty the overlap scores are
 * 0; the distances from the non-empty surface and the Hausdorff distances are +∞ (no surface to reach), the
 * average distance from the empty side is NaN. This follows the Metrics Reloaded recommendation to report
 * empty cases explicitly rather than drop them, and DeepMind's surface-distance, which returns +∞ for
 * distances to an empty surface.
 */
public enum EmptyMasks {
    NEITHER(null),
    BOTH("both masks empty: Dice, IoU and surface Dice are 1 by convention, distances undefined (NaN)"),
    REFERENCE("reference empty: Dice, IoU and surface Dice are 0, distances to the missing surface are +Infinity"),
    PREDICTION("prediction empty: Dice, IoU and surface Dice are 0, distances to the missing surface are +Infinity");

    private final String reason;

    EmptyMasks(String reason) {
        this.reason = reason;
    }

    /** What the convention is, in words; null when neither mask is empty. */
    public String reason() {
        return reason;
    }

    /** The lower-case name, as written in JSON. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EmptyMasks of(long predictionVoxels, long referenceVoxels) {
        if (predictionVoxels == 0 && referenceVoxels == 0) {
            return BOTH;
        }
        if (referenceVoxels == 0) {
            return REFERENCE;
        }
        return predictionVoxels == 0 ? PREDICTION : NEITHER;
    }
}
