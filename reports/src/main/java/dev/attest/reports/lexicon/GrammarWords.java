package dev.attest.reports.lexicon;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The English words the phrase parser treats as grammar rather than anatomy: sides, position qualifiers,
 * negation cues (with the look-alike phrases that do not negate), and generic finding nouns. They are the
 * same for every vocabulary, so they live in code; vocabulary terms may not contain a side or negation word
 * because those are taken out of a sentence before terms are matched.
 */
public final class GrammarWords {
    private GrammarWords() {
    }

    private static final Map<String, Side> SIDES = Map.of(
            "left", Side.LEFT, "l", Side.LEFT, "lt", Side.LEFT, "lh", Side.LEFT,
            "right", Side.RIGHT, "r", Side.RIGHT, "rt", Side.RIGHT, "rh", Side.RIGHT);

    private static final Map<String, Part> PARTS = Map.ofEntries(
            Map.entry("upper", Part.SUPERIOR), Map.entry("superior", Part.SUPERIOR), Map.entry("cranial", Part.SUPERIOR),
            Map.entry("cephalad", Part.SUPERIOR),
            Map.entry("lower", Part.INFERIOR), Map.entry("inferior", Part.INFERIOR), Map.entry("caudal", Part.INFERIOR),
            Map.entry("anterior", Part.ANTERIOR), Map.entry("ventral", Part.ANTERIOR),
            Map.entry("posterior", Part.POSTERIOR), Map.entry("dorsal", Part.POSTERIOR),
            Map.entry("medial", Part.MEDIAL), Map.entry("lateral", Part.LATERAL));

    /** Token sequences that negate the sentence's finding. */
    static final List<List<String>> NEGATION_CUES = List.of(
            List.of("no"), List.of("without"), List.of("absent"), List.of("absence"), List.of("negative", "for"),
            List.of("free", "from"), List.of("free", "of"), List.of("not", "seen"), List.of("not", "visualised"),
            List.of("not", "visualized"), List.of("not", "identified"), List.of("not", "present"),
            List.of("not", "detected"), List.of("not", "demonstrated"), List.of("not", "evident"),
            List.of("ruled", "out"));

    /**
     * Phrases that contain a cue but do not deny the finding ("no change in the nodule" still asserts the
     * nodule); checked before the cues, in the spirit of NegEx's pseudo-negations.
     */
    static final List<List<String>> PSEUDO_NEGATIONS = List.of(
            List.of("no", "change"), List.of("no", "interval", "change"), List.of("no", "significant", "change"),
            List.of("no", "increase"), List.of("no", "decrease"), List.of("no", "longer", "increasing"),
            List.of("without", "change"), List.of("not", "only"), List.of("not", "ruled", "out"),
            List.of("cannot", "be", "ruled", "out"), List.of("not", "excluded"), List.of("cannot", "be", "excluded"));

    /** Words that may not appear inside a vocabulary term (they are consumed as grammar first). */
    static final Set<String> RESERVED = Set.of("no", "not", "without", "absent", "absence",
            "left", "right", "l", "r", "lt", "rt", "lh", "rh");

    private static final Set<String> FINDING_NOUNS = Set.of("nodule", "nodules", "mass", "masses", "lesion", "lesions",
            "cyst", "cysts", "tumour", "tumor", "tumours", "tumors", "effusion", "fracture", "opacity", "opacities",
            "consolidation", "stone", "stones", "calculus", "calculi", "haemorrhage", "hemorrhage", "infarct",
            "aneurysm", "metastasis", "metastases", "collection", "thickening", "enlargement");

    public static Optional<Side> side(String token) {
        return Optional.ofNullable(SIDES.get(token));
    }

    public static Optional<Part> part(String token) {
        return Optional.ofNullable(PARTS.get(token));
    }

    public static boolean isFindingNoun(String token) {
        return FINDING_NOUNS.contains(token);
    }

    public static List<List<String>> negationCues() {
        return NEGATION_CUES;
    }

    public static List<List<String>> pseudoNegations() {
        return PSEUDO_NEGATIONS;
    }
}
