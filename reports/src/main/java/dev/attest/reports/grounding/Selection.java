package dev.attest.reports.grounding;

import dev.attest.reports.lexicon.ConceptKind;

import java.util.List;

/**
 * The labels a named concept stands for in the model in use: {@code labels} after the side named is applied,
 * {@code allSides} before. {@code splitBySide} is true when the concept has no structure of its own on that
 * side, so the side is one half of an unpaired structure, cut at its centroid.
 */
public record Selection(String conceptId, ConceptKind kind, List<Integer> labels, List<Integer> allSides,
                        boolean splitBySide) {
    public Selection {
        labels = List.copyOf(labels);
        allSides = List.copyOf(allSides);
    }
}
