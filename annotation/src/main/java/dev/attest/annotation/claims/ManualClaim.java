package dev.attest.annotation.claims;

import java.util.Objects;
import java.util.Optional;

/** A claim a reviewer typed in (a missed finding, say), with evidence when they drew or clicked some. */
public record ManualClaim(String text, Optional<ClaimEvidence> evidence) implements Claim {
    public ManualClaim {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a claim needs text");
        }
        text = text.strip();
        Objects.requireNonNull(evidence, "evidence");
    }

    public ManualClaim(String text) {
        this(text, Optional.empty());
    }

    public ManualClaim(String text, ClaimEvidence evidence) {
        this(text, Optional.of(evidence));
    }
}
