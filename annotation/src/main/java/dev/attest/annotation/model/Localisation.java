package dev.attest.annotation.model;

import java.util.Locale;

/** How well the evidence localises the finding; only judged when there is a mask, box or map. */
public enum Localisation {
    GOOD, HIT_ONLY, MISS;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static Localisation fromCode(String code) {
        for (Localisation v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Localisation code '" + code + "'");
    }
}
