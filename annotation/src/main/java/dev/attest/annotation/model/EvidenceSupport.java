package dev.attest.annotation.model;

import java.util.Locale;

/** Whether the model's evidence supports its claim (off-target: marker, device, border, other organ). */
public enum EvidenceSupport {
    SUPPORTS, PARTIAL, CONTRADICTS, NONE_OR_OFF_TARGET;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static EvidenceSupport fromCode(String code) {
        for (EvidenceSupport v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown EvidenceSupport code '" + code + "'");
    }
}
