package dev.attest.dicom.sr;

import java.util.Objects;

/**
 * A person who made observations in a report (TID 1003): for Attest's exports a pseudonymised
 * reviewer ("Reviewer^R01"), never a real name. {@code organization} may be "".
 */
public record PersonObserver(String name, String organization) {
    public PersonObserver {
        Objects.requireNonNull(organization, "organization");
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("Person Observer Name is mandatory in TID 1003");
        }
    }

    public static PersonObserver named(String name) {
        return new PersonObserver(name, "");
    }
}
