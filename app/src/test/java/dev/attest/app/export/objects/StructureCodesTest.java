package dev.attest.app.export.objects;

import dev.attest.dicom.Code;
import dev.attest.dicom.seg.SegmentedProperties;
import dev.attest.dicom.sr.ReportCodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Label names to segmented properties, modalities to procedure codes, and those codes against pydicom's PS3.16. */
class StructureCodesTest {
    @Test
    void aNameWithItsSideFirstIsThatStructureOnThatSide() {
        assertEquals(SegmentedProperties.forName("kidney_right"), StructureCodes.property("right kidney"));
        assertEquals(SegmentedProperties.forName("lung_left"), StructureCodes.property("Left Lung"));
        assertEquals(SegmentedProperties.forName("adrenal_gland_left"), StructureCodes.property("left adrenal gland"));
        assertEquals(Optional.of(SegmentedProperties.LEFT), StructureCodes.property("left kidney").typeModifier());
        assertEquals(SegmentedProperties.forName("liver"), StructureCodes.property("liver"));
        assertEquals(SegmentedProperties.FALLBACK, StructureCodes.property("left liver lesion"));
        assertEquals(SegmentedProperties.FALLBACK, StructureCodes.property("body"));
    }

    @Test
    void eachModalityHasItsProcedureAndOthersAGenericOne() {
        assertEquals(ReportCodes.CT_UNSPECIFIED_BODY_REGION, StructureCodes.procedure("CT"));
        assertEquals(ReportCodes.MR_UNSPECIFIED_BODY_REGION, StructureCodes.procedure("mr"));
        assertEquals(StructureCodes.NM_UNSPECIFIED_BODY_REGION, StructureCodes.procedure("NM"));
        assertEquals(StructureCodes.PET_UNSPECIFIED_BODY_REGION, StructureCodes.procedure("PT"));
        assertEquals(StructureCodes.IMAGING_PROCEDURE, StructureCodes.procedure("US"));
        assertEquals(StructureCodes.IMAGING_PROCEDURE, StructureCodes.procedure(null));
    }

    @Test
    @Tag("validator")
    void theCodesAddedHereAreInPs3_16WithTheseMeaningsAndInCid100() throws Exception {
        List<Code> codes = List.of(StructureCodes.NM_UNSPECIFIED_BODY_REGION, StructureCodes.PET_UNSPECIFIED_BODY_REGION,
                StructureCodes.IMAGING_PROCEDURE, PseudonymousStudy.BASIC_PROFILE);
        StringBuilder args = new StringBuilder();
        OutsideTools.Run py = OutsideTools.python("""
                import sys
                import pydicom.sr._concepts_dict as c
                for arg in sys.argv[1:]:
                    scheme, value = arg.split(':', 1)
                    # A code can have several keywords; the one in CID 100 (procedures) or 7050 (de-identification) counts.
                    meanings = sorted({entry[value][0] for entry in c.concepts[scheme].values()
                                       if value in entry and (100 in entry[value][1] or 7050 in entry[value][1])})
                    print(arg, meanings)
                """, codes.stream().map(k -> k.scheme() + ":" + k.value()).toArray(String[]::new));
        assertEquals(0, py.exitCode(), py.output());
        for (Code k : codes) {
            args.append(k.scheme()).append(':').append(k.value()).append(" ['").append(k.meaning()).append("']\n");
        }
        assertEquals(args.toString(), py.output());
    }
}
