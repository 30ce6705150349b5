package dev.attest.annotation.model;

import java.util.Locale;

/** The kind of error when a claim is not correct. */
public enum ErrorType {
    FALSE_FINDING, WRONG_LOCATION, WRONG_SEVERITY_OR_SIZE, FALSE_COMPARISON, OMITTED_COMPARISON, NEGATION_ERROR, DEVICE_ERROR;

    /** The value stored in the database and in exported JSON: the lower-case name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a stored code; a code this version does not know is an error naming it. */
    public static ErrorType fromCode(String code) {
        for (ErrorType v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown ErrorType code '" + code + "'");
    }
}
