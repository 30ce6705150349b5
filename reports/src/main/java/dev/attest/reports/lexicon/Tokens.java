package dev.attest.reports.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into the lower-case word tokens that terms are matched on. Punctuation, hyphens and
 * underscores separate words, so the raw label names "kidney_left", "Left-Hippocampus" and "ctx-lh-insula"
 * read like prose; the articles "the", "of", "a", "an" are dropped so that "upper lobe of the left lung"
 * and "left lung upper lobe" need no separate terms.
 */
public final class Tokens {
    static final Set<String> STOPWORDS = Set.of("the", "of", "a", "an");

    private Tokens() {
    }

    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (String t : words(text)) {
            if (!isStopword(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Every word, stopwords included: negation cues such as "free of" need them. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    public static boolean isStopword(String token) {
        return STOPWORDS.contains(token);
    }

    /** The tokens joined by single spaces: the key a term is stored and compared under. */
    public static String key(String text) {
        return String.join(" ", of(text));
    }
}
