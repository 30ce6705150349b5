package dev.attest.reports.lexicon;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The patient's left or right. In patient LPS coordinates the patient's left is +x. */
public enum Side {
    @JsonProperty("left") LEFT,
    @JsonProperty("right") RIGHT;

    /** +1 for the left (LPS +x), -1 for the right. */
    public int xSign() {
        return this == LEFT ? 1 : -1;
    }

    public Side opposite() {
        return this == LEFT ? RIGHT : LEFT;
    }

    /** The lower-case English word, as used in sentences. */
    public String word() {
        return this == LEFT ? "left" : "right";
    }
}
