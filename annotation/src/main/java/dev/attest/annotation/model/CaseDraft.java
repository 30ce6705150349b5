package dev.attest.annotation.model;

import java.util.Objects;

/**
 * A case to import: the study reference (study/series UID or a path), and the site, scanner and modality
 * used to stratify results; site, scanner and modality may be null when unknown.
 */
public record CaseDraft(String studyRef, String site, String scanner, String modality) {
    public CaseDraft {
        Objects.requireNonNull(studyRef, "studyRef");
        if (studyRef.isBlank()) {
            throw new IllegalArgumentException("a case needs a study reference");
        }
    }
}
