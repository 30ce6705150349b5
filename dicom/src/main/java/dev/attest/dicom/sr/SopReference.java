package dev.attest.dicom.sr;

import java.util.Objects;

/** A reference to a composite instance as an SR content item carries it: SOP Class and SOP Instance UID. */
public record SopReference(String sopClassUid, String sopInstanceUid) {
    public SopReference {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
    }

    public static SopReference of(dev.attest.dicom.write.InstanceReference r) {
        return new SopReference(r.sopClassUid(), r.sopInstanceUid());
    }
}
