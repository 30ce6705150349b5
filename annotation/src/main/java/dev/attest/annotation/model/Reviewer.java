package dev.attest.annotation.model;

import java.time.Instant;
import java.util.Objects;

/** A person who scores claims in a project. */
public record Reviewer(long id, String name, Instant created) {
    public Reviewer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
    }
}
