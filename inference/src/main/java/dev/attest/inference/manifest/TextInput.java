package dev.attest.inference.manifest;

/**
 * The phrase a grounding model sees. {@code tokenizer} is a Hugging Face {@code tokenizer.json},
 * relative to the model folder and listed in the manifest's {@code files} (so its sha256 is checked);
 * phrases are truncated to {@code maxLength} tokens (special tokens included when
 * {@code addSpecialTokens}, default true), padded with {@code padId} as {@code padding} says, and sent
 * as int64 [1, L] token ids followed, when {@code attentionMask} is true, by an int64 [1, L] mask
 * (1 for a token, 0 for padding).
 */
public record TextInput(String tokenizer, int maxLength, TextPadding padding, int padId, boolean attentionMask,
                        Boolean addSpecialTokens) {

    public TextInput {
        if (maxLength < 1) {
            throw new IllegalArgumentException("text maxLength must be at least 1, got " + maxLength);
        }
        if (padId < 0) {
            throw new IllegalArgumentException("text padId must not be negative, got " + padId);
        }
        padding = padding == null ? TextPadding.MAX_LENGTH : padding;
        addSpecialTokens = addSpecialTokens == null ? Boolean.TRUE : addSpecialTokens;
    }
}
