package dev.attest.reports.grounding;

import dev.attest.reports.lexicon.Part;
import dev.attest.reports.lexicon.Side;

import java.util.List;
import java.util.Optional;

/**
 * What the phrase parser read in one sentence: the anatomy and lesion terms in order, the sides and position
 * qualifiers, negation (with the cue that set it), stated sizes and volumes, and generic finding nouns
 * ("nodule", "effusion") that no vocabulary term took.
 */
public record ParsedPhrase(String text, List<Mention> mentions, List<Side> sides, List<Part> parts, boolean negated,
                           String negationCue, List<SizeClaim> sizes, List<VolumeClaim> volumes,
                           List<String> findingWords) {
    public ParsedPhrase {
        mentions = List.copyOf(mentions);
        sides = List.copyOf(sides);
        parts = List.copyOf(parts);
        sizes = List.copyOf(sizes);
        volumes = List.copyOf(volumes);
        findingWords = List.copyOf(findingWords);
    }

    /** The side named, if exactly one side is. */
    public Optional<Side> side() {
        return sides.size() == 1 ? Optional.of(sides.get(0)) : Optional.empty();
    }
}
