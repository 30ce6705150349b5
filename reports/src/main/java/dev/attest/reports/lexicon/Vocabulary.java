package dev.attest.reports.lexicon;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of anatomy words for the labels of one family of models (TotalSegmentator, FreeSurfer, the demo
 * phantom), as read from a vocabulary JSON file and validated by {@link VocabularyReader}.
 *
 * @param midline       concepts whose voxels define the body midline (patient x) for laterality
 * @param abbreviations single words expanded before matching ("lll" → "left lower lobe")
 */
public record Vocabulary(String format, String id, String title, String source, List<String> midline,
                         Map<String, String> abbreviations, List<Concept> concepts, List<StructureEntry> structures) {
    /** The one format this code reads; a change of meaning gets a new number. */
    public static final String FORMAT = "attest-vocabulary/1";

    public Vocabulary {
        midline = midline == null ? List.of() : List.copyOf(midline);
        abbreviations = abbreviations == null ? Map.of() : Map.copyOf(abbreviations);
        concepts = List.copyOf(concepts);
        structures = List.copyOf(structures);
    }

    public Optional<Concept> concept(String conceptId) {
        return concepts.stream().filter(c -> c.id().equals(conceptId)).findFirst();
    }
}
