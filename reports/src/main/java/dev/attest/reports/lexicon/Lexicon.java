package dev.attest.reports.lexicon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A validated {@link Vocabulary} compiled for matching: terms as token lists indexed by their first word,
 * abbreviations, and each concept's closure over {@code includes}. Immutable and thread-safe.
 */
public final class Lexicon {
    /** One term: its tokens and the concept it names. */
    public record Term(List<String> tokens, String conceptId) {
    }

    private final Vocabulary vocabulary;
    private final Map<String, Concept> concepts = new LinkedHashMap<>();
    private final Map<String, List<Term>> termsByFirstToken = new HashMap<>();
    private final Map<String, List<String>> abbreviations = new HashMap<>();
    private final Map<String, Set<String>> closures = new HashMap<>();

    private Lexicon(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        for (Concept c : vocabulary.concepts()) {
            concepts.put(c.id(), c);
            for (String term : c.terms()) {
                List<String> tokens = Tokens.of(term);
                termsByFirstToken.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(new Term(tokens, c.id()));
            }
        }
        // Longest first, so that "upper lobe" wins over a part word "upper" and "lung nodule" over "lung".
        termsByFirstToken.values().forEach(l -> l.sort(Comparator.comparingInt((Term t) -> -t.tokens().size())));
        vocabulary.abbreviations().forEach((k, v) -> abbreviations.put(k, Tokens.of(v)));
        for (Concept c : vocabulary.concepts()) {
            Set<String> closure = new LinkedHashSet<>();
            collect(c.id(), closure);
            closures.put(c.id(), Collections.unmodifiableSet(closure));
        }
    }

    /** Compiles a vocabulary that {@link VocabularyReader} has validated. */
    public static Lexicon of(Vocabulary vocabulary) {
        return new Lexicon(vocabulary);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Concept concept(String id) {
        Concept c = concepts.get(id);
        if (c == null) {
            throw new IllegalArgumentException("vocabulary " + vocabulary.id() + " has no concept \"" + id + "\"");
        }
        return c;
    }

    /** The concept and every concept it includes, directly or through others, the concept itself first. */
    public Set<String> closure(String conceptId) {
        concept(conceptId);
        return closures.get(conceptId);
    }

    /** Replaces each abbreviation token by its expansion ("lll" → "left", "lower", "lobe"). */
    public List<String> expandAbbreviations(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (String t : tokens) {
            out.addAll(abbreviations.getOrDefault(t, List.of(t)));
        }
        return out;
    }

    /**
     * The longest term accepted by {@code accept} whose tokens equal tokens[start ..] with no token already
     * used; empty if none.
     */
    public Optional<Term> longestAt(List<String> tokens, int start, boolean[] used, Predicate<String> accept) {
        for (Term term : termsByFirstToken.getOrDefault(tokens.get(start), List.of())) {
            if (accept.test(term.conceptId()) && matches(term, tokens, start, used)) {
                return Optional.of(term);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Term term, List<String> tokens, int start, boolean[] used) {
        int n = term.tokens().size();
        if (start + n > tokens.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (used[start + i] || !term.tokens().get(i).equals(tokens.get(start + i))) {
                return false;
            }
        }
        return true;
    }

    private void collect(String id, Set<String> into) {
        if (into.add(id)) {
            concepts.get(id).includes().forEach(child -> collect(child, into));
        }
    }
}
