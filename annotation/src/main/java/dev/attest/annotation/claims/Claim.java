package dev.attest.annotation.claims;

import java.util.Optional;

/** One statement about a case that reviewers score: made by a model or added by hand. */
public sealed interface Claim permits FindingClaim, ManualClaim {
    String text();

    Optional<ClaimEvidence> evidence();
}
