package dev.attest.annotation.model;

import java.util.Objects;

/**
 * A case to import: the study reference (study/series UID or a path), and the site, scanner and modality
 * used to stratify results; site, scanner and modality may be null when unknown. imageRef, when known, is
 * where the image is (a NIfTI file or a DICOM folder), so that a review-only session can reopen it.
 */
public record CaseDraft(String studyRef, String site, String scanner, String modality, String imageRef) {
    public CaseDraft {
        Objects.requireNonNull(studyRef, "studyRef");
        if (studyRef.isBlank()) {
            throw new IllegalArgumentException("a case needs a study reference");
        }
    }

    /** A case whose image location is not known. */
    public CaseDraft(String studyRef, String site, String scanner, String modality) {
        this(studyRef, site, scanner, modality, null);
    }
}
