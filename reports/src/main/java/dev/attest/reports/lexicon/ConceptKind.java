package dev.attest.reports.lexicon;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a concept names: normal anatomy, a lesion (a finding that lives inside some organ, reported as
 * connected components), or the body outline, which contains everything and is never a finding itself.
 */
public enum ConceptKind {
    @JsonProperty("anatomy") ANATOMY,
    @JsonProperty("lesion") LESION,
    @JsonProperty("body") BODY
}
