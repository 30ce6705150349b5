package dev.attest.app.review;

import dev.attest.annotation.model.WorklistQuery;

/**
 * The worklists a reader picks from in the claims panel, and how each (with blinding and a random
 * order) becomes a store query. Disagreements cannot be blinded: listing them would reveal other
 * reviewers' verdicts, which blinding hides, so that combination is refused in words.
 */
public enum WorklistChoice {
    ALL("All claims"),
    UNSCORED("Unscored by me"),
    MINE("Assigned to me, unscored"),
    DISAGREEMENTS("Disagreements");

    private final String label;

    WorklistChoice(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * @param shuffleSeed a seed for a random (but repeatable) order, or null for case-then-claim order
     * @throws IllegalArgumentException for blinded disagreements
     */
    public WorklistQuery query(long reviewerId, boolean blinded, Long shuffleSeed) {
        if (blinded && this == DISAGREEMENTS) {
            throw new IllegalArgumentException("disagreements cannot be listed blinded: they would show other reviewers' verdicts");
        }
        WorklistQuery q = WorklistQuery.all(reviewerId);
        q = switch (this) {
            case ALL -> q;
            case UNSCORED -> q.unscored();
            case MINE -> q.mine().unscored();
            case DISAGREEMENTS -> q.disagreeing();
        };
        if (shuffleSeed != null) {
            q = q.shuffled(shuffleSeed);
        }
        return blinded ? q.blind() : q;
    }
}
