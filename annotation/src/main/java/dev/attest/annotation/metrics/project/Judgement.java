package dev.attest.annotation.metrics.project;

import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Score;

/** One reviewer's current score of one claim, with what the metrics group and count it by. */
record Judgement(Score score, Claim claim, ReviewCase reviewCase, String model, boolean hasEvidence) {
}
