package dev.attest.annotation.model;

import java.util.Locale;

/** Whether a claim's error (or finding) matters clinically. */
public enum Significance {
    SIGNIFICANT, INSIGNIFICANT;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static Significance fromCode(String code) {
        for (Significance v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Significance code '" + code + "'");
    }
}
