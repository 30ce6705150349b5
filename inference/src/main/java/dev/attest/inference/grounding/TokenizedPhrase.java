package dev.attest.inference.grounding;

import java.util.Arrays;
import java.util.List;

/**
 * A phrase as the model receives it: the tokens (for display and provenance), their ids and the
 * attention mask (1 for a token, 0 for padding), all of the same length.
 */
public record TokenizedPhrase(List<String> tokens, long[] ids, long[] attentionMask) {

    public TokenizedPhrase {
        tokens = List.copyOf(tokens);
        if (ids.length != tokens.size() || attentionMask.length != ids.length) {
            throw new IllegalArgumentException("tokens, ids and mask differ in length: " + tokens.size() + ", "
                    + ids.length + ", " + attentionMask.length);
        }
        ids = ids.clone();
        attentionMask = attentionMask.clone();
    }

    @Override
    public long[] ids() {
        return ids.clone();
    }

    @Override
    public long[] attentionMask() {
        return attentionMask.clone();
    }

    public int length() {
        return ids.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenizedPhrase t && tokens.equals(t.tokens) && Arrays.equals(ids, t.ids)
                && Arrays.equals(attentionMask, t.attentionMask);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode() * 31 + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "TokenizedPhrase" + tokens + " ids=" + Arrays.toString(ids);
    }
}
