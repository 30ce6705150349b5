package dev.attest.reports.grounding;

import dev.attest.reports.lexicon.ConceptKind;

/**
 * A vocabulary term found in a sentence: the concept it names, its kind, the words matched, and whether
 * the model in use labels any structure of that concept.
 */
public record Mention(String conceptId, ConceptKind kind, String words, boolean labelled) {
}
