package dev.attest.annotation.model;

import java.util.Locale;

/** A reviewer's overall judgement of a whole report. */
public enum Acceptability {
    ACCEPTABLE, ACCEPTABLE_WITH_EDITS, UNACCEPTABLE;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static Acceptability fromCode(String code) {
        for (Acceptability v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Acceptability code '" + code + "'");
    }
}
