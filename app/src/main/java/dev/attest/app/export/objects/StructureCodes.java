package dev.attest.app.export.objects;

import dev.attest.dicom.Code;
import dev.attest.dicom.seg.SegmentedProperties;
import dev.attest.dicom.seg.SegmentedProperty;
import dev.attest.dicom.sr.ReportCodes;

import java.util.Locale;
import java.util.Optional;

/** Codes for what a case shows: a label's segmented property, and the procedure its report is about. */
final class StructureCodes {
    /** PS3.16 CID 100 codes besides ReportCodes' CT and MR ones (checked against pydicom's copy of PS3.16). */
    static final Code NM_UNSPECIFIED_BODY_REGION = new Code("49118-3", "LN", "NM unspecified body region");
    static final Code PET_UNSPECIFIED_BODY_REGION = new Code("44136-0", "LN", "PET unspecified body region");
    static final Code IMAGING_PROCEDURE = Code.sct("363679005", "Imaging procedure");

    private StructureCodes() {
    }

    /**
     * The segmented property of a label name. Besides the names SegmentedProperties knows ("kidney_left"), a name
     * with the side first, as the demo phantom and many label tables write it ("left kidney"), is read as that
     * structure on that side; anything else is Tissue, with the name kept in the Segment Label.
     */
    static SegmentedProperty property(String name) {
        Optional<SegmentedProperty> known = SegmentedProperties.find(name);
        if (known.isPresent()) {
            return known.get();
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        for (String side : new String[] {"left", "right"}) {
            if (lower.startsWith(side + " ")) {
                Optional<SegmentedProperty> sided = SegmentedProperties.find(lower.substring(side.length() + 1) + "_" + side);
                if (sided.isPresent()) {
                    return sided.get();
                }
            }
        }
        return SegmentedProperties.FALLBACK;
    }

    /** Procedure reported (TID 1500, CID 100) for a modality; a generic imaging procedure when there is no closer code. */
    static Code procedure(String modality) {
        return switch (modality == null ? "" : modality.strip().toUpperCase(Locale.ROOT)) {
            case "CT" -> ReportCodes.CT_UNSPECIFIED_BODY_REGION;
            case "MR" -> ReportCodes.MR_UNSPECIFIED_BODY_REGION;
            case "NM" -> NM_UNSPECIFIED_BODY_REGION;
            case "PT" -> PET_UNSPECIFIED_BODY_REGION;
            default -> IMAGING_PROCEDURE;
        };
    }
}
