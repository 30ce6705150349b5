package dev.attest.reports.grounding;

import dev.attest.reports.lexicon.GrammarWords;
import dev.attest.reports.lexicon.Lexicon;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Part;
import dev.attest.reports.lexicon.Side;
import dev.attest.reports.lexicon.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Reads one report sentence into a {@link ParsedPhrase}, in this order: sizes and volumes are taken out of
 * the raw text; the rest is split into words and abbreviations expanded; negation cues are found (a
 * pseudo-negation such as "no change" is skipped first); side words and articles are taken out ({@link
 * Tokens}); vocabulary terms are
 * matched longest first, terms of concepts the model labels before the others (so that "anterior corpus
 * callosum" falls back to "corpus callosum" + anterior for a model that labels only the whole callosum);
 * what is left is read for position qualifiers and finding nouns. Taking sides out before terms lets
 * "third left rib" match "third rib". Stateless.
 */
public final class PhraseParser {
    private PhraseParser() {
    }

    /** Parses with the terms of the model's vocabulary, noting which concepts the model labels. */
    public static ParsedPhrase parse(String text, ModelVocabulary vocabulary) {
        return parse(text, vocabulary.lexicon(), vocabulary::isActive);
    }

    /**
     * Parses with a lexicon; {@code labelled} says which concepts the model in use labels (their terms are
     * matched first).
     */
    public static ParsedPhrase parse(String text, Lexicon lexicon, Predicate<String> labelled) {
        MeasurementParser.Result measured = MeasurementParser.parse(text);
        List<String> tokens = lexicon.expandAbbreviations(Tokens.words(measured.rest()));
        boolean[] taken = new boolean[tokens.size()];

        String cue = findNegation(tokens, taken);
        List<Side> sides = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Optional<Side> side = taken[i] ? Optional.empty() : GrammarWords.side(tokens.get(i));
            if (side.isPresent()) {
                taken[i] = true;
                if (!sides.contains(side.get())) {
                    sides.add(side.get());
                }
            }
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!taken[i] && !Tokens.isStopword(tokens.get(i))) {
                rest.add(tokens.get(i));
            }
        }
        boolean[] used = new boolean[rest.size()];
        TreeMap<Integer, Mention> mentions = new TreeMap<>();
        matchTerms(rest, used, lexicon, labelled, true, mentions);
        matchTerms(rest, used, lexicon, labelled.negate(), false, mentions);

        List<Part> parts = new ArrayList<>();
        List<String> findingWords = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            if (used[i]) {
                continue;
            }
            String t = rest.get(i);
            GrammarWords.part(t).filter(p -> !parts.contains(p)).ifPresent(parts::add);
            if (GrammarWords.isFindingNoun(t) && !findingWords.contains(t)) {
                findingWords.add(t);
            }
        }
        return new ParsedPhrase(text, List.copyOf(mentions.values()), sides, parts, cue != null, cue,
                measured.sizes(), measured.volumes(), findingWords);
    }

    private static void matchTerms(List<String> rest, boolean[] used, Lexicon lexicon, Predicate<String> accept,
                                   boolean labelled, TreeMap<Integer, Mention> into) {
        for (int i = 0; i < rest.size(); i++) {
            if (used[i]) {
                continue;
            }
            Optional<Lexicon.Term> term = lexicon.longestAt(rest, i, used, accept);
            if (term.isPresent()) {
                int n = term.get().tokens().size();
                for (int k = i; k < i + n; k++) {
                    used[k] = true;
                }
                String id = term.get().conceptId();
                into.put(i, new Mention(id, lexicon.concept(id).kind(), String.join(" ", term.get().tokens()), labelled));
                i += n - 1;
            }
        }
    }

    /** Marks negation cues (and pseudo-negations) as taken; returns the first real cue's words, or null. */
    private static String findNegation(List<String> tokens, boolean[] taken) {
        String cue = null;
        for (int i = 0; i < tokens.size(); i++) {
            List<String> pseudo = longestAt(tokens, i, GrammarWords.pseudoNegations());
            if (pseudo != null) {
                i += pseudo.size() - 1;
                continue;
            }
            List<String> negation = longestAt(tokens, i, GrammarWords.negationCues());
            if (negation != null) {
                for (int k = i; k < i + negation.size(); k++) {
                    taken[k] = true;
                }
                if (cue == null) {
                    cue = String.join(" ", negation);
                }
                i += negation.size() - 1;
            }
        }
        return cue;
    }

    private static List<String> longestAt(List<String> tokens, int start, List<List<String>> phrases) {
        List<String> best = null;
        for (List<String> p : phrases) {
            if (start + p.size() <= tokens.size() && tokens.subList(start, start + p.size()).equals(p)
                    && (best == null || p.size() > best.size())) {
                best = p;
            }
        }
        return best;
    }
}
