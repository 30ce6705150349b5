package dev.attest.annotation.model;

/**
 * Which claims a reviewer wants to see and in what order. Filters combine with AND: {@code unscoredByMe},
 * {@code assignedToMe}, {@code disagreements} (current verdicts differ among reviewers), a model id and a site
 * (null for any). Order is case then claim, or a seeded shuffle when {@code randomSeed} is set. Blinded strips
 * model identity and other reviewers' scores from the result.
 */
public record WorklistQuery(long reviewerId, boolean unscoredByMe, boolean assignedToMe, boolean disagreements,
        String modelId, String site, Long randomSeed, boolean blinded, int offset, int limit) {
    public WorklistQuery {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("page needs offset >= 0 and limit >= 1, got " + offset + ", " + limit);
        }
        if (blinded && (disagreements || modelId != null)) {
            // Either filter would tell a blinded reviewer what blinding hides (others' verdicts, the model).
            throw new IllegalArgumentException("a blinded worklist cannot filter by disagreements or model id");
        }
    }

    /** Everything for the reviewer, in case-then-claim order, unblinded, first 50. */
    public static WorklistQuery all(long reviewerId) {
        return new WorklistQuery(reviewerId, false, false, false, null, null, null, false, 0, 50);
    }

    public WorklistQuery unscored() {
        return new WorklistQuery(reviewerId, true, assignedToMe, disagreements, modelId, site, randomSeed, blinded, offset, limit);
    }

    public WorklistQuery mine() {
        return new WorklistQuery(reviewerId, unscoredByMe, true, disagreements, modelId, site, randomSeed, blinded, offset, limit);
    }

    public WorklistQuery disagreeing() {
        return new WorklistQuery(reviewerId, unscoredByMe, assignedToMe, true, modelId, site, randomSeed, blinded, offset, limit);
    }

    public WorklistQuery model(String id) {
        return new WorklistQuery(reviewerId, unscoredByMe, assignedToMe, disagreements, id, site, randomSeed, blinded, offset, limit);
    }

    public WorklistQuery atSite(String s) {
        return new WorklistQuery(reviewerId, unscoredByMe, assignedToMe, disagreements, modelId, s, randomSeed, blinded, offset, limit);
    }

    public WorklistQuery shuffled(long seed) {
        return new WorklistQuery(reviewerId, unscoredByMe, assignedToMe, disagreements, modelId, site, seed, blinded, offset, limit);
    }

    public WorklistQuery blind() {
        return new WorklistQuery(reviewerId, unscoredByMe, assignedToMe, disagreements, modelId, site, randomSeed, true, offset, limit);
    }

    public WorklistQuery page(int newOffset, int newLimit) {
        return new WorklistQuery(reviewerId, unscoredByMe, assignedToMe, disagreements, modelId, site, randomSeed, blinded, newOffset, newLimit);
    }
}
