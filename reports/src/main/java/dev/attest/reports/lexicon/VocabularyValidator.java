package dev.attest.reports.lexicon;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks every rule of the vocabulary format that JSON binding alone cannot, failing on the first broken one. */
final class VocabularyValidator {
    private final String source;

    VocabularyValidator(String source) {
        this.source = source;
    }

    void validate(Vocabulary v) throws VocabularyFormatException {
        if (!Vocabulary.FORMAT.equals(v.format())) {
            throw fail("$.format", "expected \"" + Vocabulary.FORMAT + "\", found " + quote(v.format()));
        }
        if (v.id() == null || !v.id().matches("[a-z0-9][a-z0-9-]*")) {
            throw fail("$.id", "an id of lower-case letters, digits and hyphens is required, found " + quote(v.id()));
        }
        requireText(v.title(), "$.title");
        if (v.concepts().isEmpty()) {
            throw fail("$.concepts", "a vocabulary needs at least one concept");
        }
        Map<String, Concept> concepts = new HashMap<>();
        Map<String, String> conceptOfTerm = new HashMap<>();
        for (int i = 0; i < v.concepts().size(); i++) {
            Concept c = v.concepts().get(i);
            String at = "$.concepts[" + i + "]";
            requireText(c.id(), at + ".id");
            if (concepts.putIfAbsent(c.id(), c) != null) {
                throw fail(at + ".id", "concept \"" + c.id() + "\" is defined twice");
            }
            if (c.kind() == null) {
                throw fail(at + ".kind", "concept \"" + c.id() + "\" needs a kind (anatomy, lesion or body)");
            }
            requireText(c.display(), at + ".display");
            if (c.terms().isEmpty()) {
                throw fail(at + ".terms", "concept \"" + c.id() + "\" has no terms");
            }
            for (int t = 0; t < c.terms().size(); t++) {
                checkTerm(c, c.terms().get(t), at + ".terms[" + t + "]", conceptOfTerm);
            }
        }
        for (int i = 0; i < v.concepts().size(); i++) {
            checkLinks(v.concepts().get(i), "$.concepts[" + i + "]", concepts);
        }
        for (Concept c : v.concepts()) {
            checkNoCycle(c.id(), concepts, new LinkedHashSet<>(), "$.concepts (" + c.id() + ")");
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < v.structures().size(); i++) {
            StructureEntry s = v.structures().get(i);
            String at = "$.structures[" + i + "]";
            requireText(s.label(), at + ".label");
            if (!labels.add(s.label())) {
                throw fail(at + ".label", "label \"" + s.label() + "\" is listed twice");
            }
            if (s.concept() == null || !concepts.containsKey(s.concept())) {
                throw fail(at + ".concept", "label \"" + s.label() + "\" names unknown concept " + quote(s.concept()));
            }
            requireText(s.display(), at + ".display");
        }
        for (int i = 0; i < v.midline().size(); i++) {
            if (!concepts.containsKey(v.midline().get(i))) {
                throw fail("$.midline[" + i + "]", "unknown concept " + quote(v.midline().get(i)));
            }
        }
        for (Map.Entry<String, String> a : v.abbreviations().entrySet()) {
            String at = "$.abbreviations." + a.getKey();
            if (!List.of(a.getKey()).equals(Tokens.of(a.getKey()))) {
                throw fail(at, "an abbreviation must be one lower-case word, found " + quote(a.getKey()));
            }
            if (a.getValue() == null || Tokens.of(a.getValue()).isEmpty()) {
                throw fail(at, "the expansion of \"" + a.getKey() + "\" is empty");
            }
        }
    }

    private void checkTerm(Concept c, String term, String at, Map<String, String> conceptOfTerm)
            throws VocabularyFormatException {
        List<String> tokens = term == null ? List.of() : Tokens.of(term);
        if (tokens.isEmpty()) {
            throw fail(at, "term " + quote(term) + " of \"" + c.id() + "\" has no words");
        }
        for (String token : tokens) {
            if (GrammarWords.RESERVED.contains(token)) {
                throw fail(at, "term \"" + term + "\" of \"" + c.id() + "\" contains \"" + token
                        + "\", a side or negation word that the parser reads before terms");
            }
        }
        String key = String.join(" ", tokens);
        String other = conceptOfTerm.putIfAbsent(key, c.id());
        if (other != null && !other.equals(c.id())) {
            throw fail(at, "term \"" + term + "\" names both \"" + other + "\" and \"" + c.id() + "\"");
        }
    }

    private void checkLinks(Concept c, String at, Map<String, Concept> concepts) throws VocabularyFormatException {
        for (int i = 0; i < c.includes().size(); i++) {
            if (!concepts.containsKey(c.includes().get(i))) {
                throw fail(at + ".includes[" + i + "]", "\"" + c.id() + "\" includes unknown concept "
                        + quote(c.includes().get(i)));
            }
        }
        if (c.kind() == ConceptKind.LESION) {
            Concept site = c.site() == null ? null : concepts.get(c.site());
            if (site == null || site.kind() != ConceptKind.ANATOMY) {
                throw fail(at + ".site", "lesion \"" + c.id() + "\" needs a site naming an anatomy concept, found "
                        + quote(c.site()));
            }
        } else if (c.site() != null) {
            throw fail(at + ".site", "only a lesion has a site; \"" + c.id() + "\" is " + c.kind());
        }
    }

    private void checkNoCycle(String id, Map<String, Concept> concepts, Set<String> path, String at)
            throws VocabularyFormatException {
        if (!path.add(id)) {
            throw fail(at, "concept \"" + id + "\" includes itself through " + path);
        }
        for (String child : concepts.get(id).includes()) {
            checkNoCycle(child, concepts, path, at);
        }
        path.remove(id);
    }

    private void requireText(String value, String at) throws VocabularyFormatException {
        if (value == null || value.isBlank()) {
            throw fail(at, "a non-empty text is required");
        }
    }

    private VocabularyFormatException fail(String where, String problem) {
        return new VocabularyFormatException(source, where, problem);
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }
}
