package dev.attest.dicom.seg;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.dicom.Code;
import dev.attest.dicom.SegSrReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The built-in structure table and the sRGB-to-CIELab conversion, against
 * {@code reference/segsr/seg_sr_reference.json}: code meanings as pydicom's copy of PS3.16 gives
 * them, CIELab values computed with numpy.
 */
class SegmentedPropertiesTest {
    private static JsonNode ref;

    @BeforeAll
    static void load() {
        ref = SegSrReference.json();
    }

    private static void assertKnown(Code code) {
        SegSrReference.assertKnown(code);
    }

    @Test
    void everyCodeOfTheTableHasTheMeaningPs316GivesIt() {
        int checked = 0;
        for (SegmentedProperty p : SegmentedProperties.table().values()) {
            assertKnown(p.category());
            assertKnown(p.type());
            p.typeModifier().ifPresent(SegmentedPropertiesTest::assertKnown);
            checked++;
        }
        assertKnown(SegmentedProperties.FALLBACK.category());
        assertKnown(AlgorithmIdentification.ARTIFICIAL_INTELLIGENCE);
        assertKnown(AlgorithmIdentification.MANUAL_PROCESSING);
        assertEquals(38, checked);
    }

    @Test
    void lateralNamesCarryTheirSideAsTypeModifier() {
        SegmentedProperty left = SegmentedProperties.forName("Kidney Left");
        assertEquals(Code.sct("64033007", "Kidney"), left.type());
        assertEquals(Optional.of(Code.sct("7771000", "Left")), left.typeModifier());
        assertEquals(Optional.of(SegmentedProperties.RIGHT), SegmentedProperties.forName("lung-upper-lobe-right").typeModifier());
        assertEquals(Optional.empty(), SegmentedProperties.forName("kidney").typeModifier());
        assertEquals(SegmentedProperties.MORPHOLOGICALLY_ABNORMAL, SegmentedProperties.forName("tumor").category());
        assertEquals(SegmentedProperties.FALLBACK, SegmentedProperties.forName("portal_vein_and_splenic_vein"));
        assertEquals(Optional.empty(), SegmentedProperties.find("portal_vein_and_splenic_vein"));
    }

    @Test
    void srgbColoursBecomeTheCieLabValuesNumpyComputes() {
        var it = ref.get("cielab").properties().iterator();
        int checked = 0;
        while (it.hasNext()) {
            var entry = it.next();
            int rgb = Integer.parseInt(entry.getKey(), 16);
            JsonNode lab = entry.getValue();
            assertEquals(new CieLab(lab.get(0).asInt(), lab.get(1).asInt(), lab.get(2).asInt()), CieLab.fromSrgb(rgb), entry.getKey());
            assertEquals(Integer.toHexString(rgb), Integer.toHexString(CieLab.fromSrgb(rgb).toSrgb()), "round trip of " + entry.getKey());
            checked++;
        }
        assertEquals(10, checked);
    }
}
