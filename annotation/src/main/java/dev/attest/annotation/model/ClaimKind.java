package dev.attest.annotation.model;

import java.util.Locale;

/** What a model claim is: a segmented finding, a report sentence or a grounded phrase. */
public enum ClaimKind {
    FINDING, SENTENCE, PHRASE;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static ClaimKind fromCode(String code) {
        for (ClaimKind v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown ClaimKind code '" + code + "'");
    }
}
