package dev.attest.annotation.model;

import java.util.Locale;

/** The form of a reviewer's corrected or added annotation. */
public enum AnnotationKind {
    MASK, BOX, POINT;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static AnnotationKind fromCode(String code) {
        for (AnnotationKind v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown AnnotationKind code '" + code + "'");
    }
}
