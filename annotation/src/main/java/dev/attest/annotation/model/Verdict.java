package dev.attest.annotation.model;

import java.util.Locale;

/** A reviewer's verdict on whether a claim is true. */
public enum Verdict {
    CORRECT, PARTIALLY_CORRECT, INCORRECT, UNGRADABLE;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static Verdict fromCode(String code) {
        for (Verdict v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Verdict code '" + code + "'");
    }
}
