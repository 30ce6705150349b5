package dev.attest.inference.manifest;

/**
 * How a tokenised phrase is padded: to {@code maxLength} (a fixed shape, which traced and exported
 * models usually need) or not at all (the tensors are as long as the phrase's tokens).
 */
public enum TextPadding {
    MAX_LENGTH, NONE
}
