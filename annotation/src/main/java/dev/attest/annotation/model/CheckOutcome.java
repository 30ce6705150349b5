package dev.attest.annotation.model;

import java.util.Locale;

/** The result of one automatic evidence-consistency check on a claim. */
public enum CheckOutcome {
    PASS, FAIL, UNKNOWN;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static CheckOutcome fromCode(String code) {
        for (CheckOutcome v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown CheckOutcome code '" + code + "'");
    }
}
