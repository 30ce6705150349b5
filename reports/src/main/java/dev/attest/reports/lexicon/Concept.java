package dev.attest.reports.lexicon;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One anatomical concept of a vocabulary: the words that name it, the label-map structures it covers
 * (directly, see {@link StructureEntry#concept()}, and through the concepts it {@code includes}), and for a
 * lesion the concept it lives in ({@code site}: a lung nodule lives in the lung).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Concept(String id, ConceptKind kind, String display, List<String> terms, List<String> includes,
                      String site) {
    public Concept {
        terms = terms == null ? List.of() : List.copyOf(terms);
        includes = includes == null ? List.of() : List.copyOf(includes);
    }
}
