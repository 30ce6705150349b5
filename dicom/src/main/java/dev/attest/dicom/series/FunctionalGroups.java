package dev.attest.dicom.series;

import dev.attest.dicom.DicomDataset;

import java.util.Optional;

/** Looks up a functional group macro of an enhanced multi-frame object (PS3.3 C.7.6.16). */
public final class FunctionalGroups {
    private FunctionalGroups() {
    }

    /**
     * The macro item for one frame: from the frame's Per-Frame Functional Groups item if it has
     * the sequence, else from the Shared Functional Groups; null when neither has it.
     */
    public static DicomDataset item(DicomDataset perFrame, DicomDataset shared, int sequenceTag) {
        if (perFrame != null) {
            Optional<DicomDataset> item = perFrame.getItem(sequenceTag);
            if (item.isPresent()) {
                return item.get();
            }
        }
        return shared == null ? null : shared.getItem(sequenceTag).orElse(null);
    }
}
