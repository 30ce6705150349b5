package dev.attest.annotation.model;

import java.util.List;

/**
 * One claim on a worklist with its case and model. When {@code blinded}, {@code claim.runId()}, model id and
 * version are null and {@code otherScores} is empty whatever the store holds.
 */
public record WorklistItem(Claim claim, ReviewCase reviewCase, String modelId, String modelVersion, boolean blinded,
        Score myScore, List<Score> otherScores) {
    public WorklistItem {
        otherScores = List.copyOf(otherScores);
    }
}
