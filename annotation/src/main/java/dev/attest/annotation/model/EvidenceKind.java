package dev.attest.annotation.model;

import java.util.Locale;

/** The form of the evidence a model shows for a claim. */
public enum EvidenceKind {
    MASK, BOX, POINT, HEATMAP;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static EvidenceKind fromCode(String code) {
        for (EvidenceKind v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown EvidenceKind code '" + code + "'");
    }
}
