package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Burned In Annotation (0028,0301) and says when its absence is a risk: ultrasound,
 * fluoroscopy, angiography and secondary captures routinely carry the patient's name in the
 * pixels, and an absent flag there means nobody checked.
 */
final class BurnedInRisk {
    private static final Set<String> RISKY_MODALITIES = Set.of("US", "SC", "XA", "RF", "ES", "XC", "OT", "DOC");
    /** Secondary Capture Image Storage and its multi-frame variants (1.2.840.10008.5.1.4.1.1.7.1-4). */
    private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";

    private BurnedInRisk() {
    }

    static boolean flagged(DicomDataset ds) {
        String v = ds.getString(Tag.BurnedInAnnotation);
        return v != null && v.trim().toUpperCase(Locale.ROOT).equals("YES");
    }

    /** A warning when the flag is absent for a kind of image that often has text burned in. */
    static Optional<String> absentFlagWarning(DicomDataset ds, String sopClassUid) {
        if (ds.contains(Tag.BurnedInAnnotation) || !ds.contains(Tag.PixelData)) {
            return Optional.empty();
        }
        String modality = ds.getString(Tag.Modality, "").trim().toUpperCase(Locale.ROOT);
        boolean secondaryCapture = sopClassUid.equals(SECONDARY_CAPTURE) || sopClassUid.startsWith(SECONDARY_CAPTURE + ".");
        if (RISKY_MODALITIES.contains(modality) || secondaryCapture) {
            return Optional.of("Burned In Annotation (0028,0301) is absent on a " + (secondaryCapture ? "secondary capture"
                    : modality + " image") + ", which often has text in its pixels; check the pixels before sharing");
        }
        return Optional.empty();
    }
}
