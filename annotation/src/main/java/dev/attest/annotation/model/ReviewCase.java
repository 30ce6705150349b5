package dev.attest.annotation.model;

import java.time.Instant;

/**
 * One study (or series) under review, as stored; imageRef is where its image is (a NIfTI file or a DICOM
 * folder), or null when the case was imported without one.
 */
public record ReviewCase(long id, String studyRef, String site, String scanner, String modality, Instant created,
                         String imageRef) {

    /** A case whose image location is not known. */
    public ReviewCase(long id, String studyRef, String site, String scanner, String modality, Instant created) {
        this(id, studyRef, site, scanner, modality, created, null);
    }
}
