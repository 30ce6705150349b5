package dev.attest.reports.lexicon;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One label of a model's label table as the vocabulary knows it: the label's name, the concept it belongs
 * to, its side for paired structures (null for unpaired ones) and the words a report uses for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StructureEntry(String label, String concept, Side side, String display) {
}
