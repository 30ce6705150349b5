package dev.attest.dicom.sr;

import java.util.Optional;

/** How a content item relates to its parent (Relationship Type, 0040,A010; PS3.3 C.17.3.2.4). */
public enum Relationship {
    CONTAINS("CONTAINS"),
    HAS_PROPERTIES("HAS PROPERTIES"),
    HAS_OBS_CONTEXT("HAS OBS CONTEXT"),
    HAS_ACQ_CONTEXT("HAS ACQ CONTEXT"),
    HAS_CONCEPT_MOD("HAS CONCEPT MOD"),
    INFERRED_FROM("INFERRED FROM"),
    SELECTED_FROM("SELECTED FROM");

    private final String dicom;

    Relationship(String dicom) {
        this.dicom = dicom;
    }

    /** The defined term as DICOM spells it. */
    public String dicom() {
        return dicom;
    }

    public static Optional<Relationship> parse(String text) {
        for (Relationship r : values()) {
            if (r.dicom.equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
