package dev.attest.dicom.seg;

import dev.attest.dicom.Code;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small built-in table from structure names (as models such as TotalSegmentator spell them:
 * "liver", "kidney_left", "lung_upper_lobe_right") to SNOMED CT segmented-property codes, so a
 * label map can become a SEG whose segments other tools recognise. Names are matched ignoring
 * case, with spaces and hyphens read as underscores. Laterality is the type modifier, as in
 * CID 7151's usage: "kidney_left" is (Kidney) modified by (Left).
 *
 * <p>Every code's value and meaning is checked against pydicom's copy of PS3.16 by
 * {@code SegmentedPropertiesTest}. Unknown names get {@link #FALLBACK} (Tissue / Tissue), with
 * the name kept in the Segment Label.
 */
public final class SegmentedProperties {
    /** CID 7150 category of normal anatomy. */
    public static final Code ANATOMICAL_STRUCTURE = Code.sct("123037004", "Anatomical Structure");
    /** CID 7150 category of lesions. */
    public static final Code MORPHOLOGICALLY_ABNORMAL = Code.sct("49755003", "Morphologically Abnormal Structure");
    /** CID 7150 category and CID 7151 type used for any structure the table does not know. */
    public static final Code TISSUE = Code.sct("85756007", "Tissue");
    public static final Code LEFT = Code.sct("7771000", "Left");
    public static final Code RIGHT = Code.sct("24028007", "Right");

    /** Tissue / Tissue: what an unknown name maps to. */
    public static final SegmentedProperty FALLBACK = new SegmentedProperty(TISSUE, TISSUE);

    private static final Map<String, SegmentedProperty> TABLE = new LinkedHashMap<>();

    static {
        organ("liver", "10200004", "Liver");
        organ("spleen", "78961009", "Spleen");
        paired("kidney", "64033007", "Kidney");
        paired("lung", "39607008", "Lung");
        lateral("lung_upper_lobe", "45653009", "Upper lobe of lung");
        lateral("lung_lower_lobe", "90572001", "Lower lobe of lung");
        organ("lung_middle_lobe_right", "72481006", "Middle lobe of right lung");
        paired("adrenal_gland", "23451007", "Adrenal gland");
        organ("pancreas", "15776009", "Pancreas");
        organ("stomach", "69695003", "Stomach");
        organ("gallbladder", "28231008", "Gallbladder");
        organ("heart", "80891009", "Heart");
        organ("aorta", "15825003", "Aorta");
        organ("inferior_vena_cava", "64131007", "Inferior Vena Cava");
        organ("urinary_bladder", "89837001", "Bladder");
        organ("brain", "12738006", "Brain");
        organ("esophagus", "32849002", "Esophagus");
        organ("trachea", "44567001", "Trachea");
        organ("duodenum", "38848004", "Duodenum");
        organ("small_bowel", "30315005", "Small intestine");
        organ("colon", "71854001", "Colon");
        organ("prostate", "41216001", "Prostate");
        organ("thyroid_gland", "69748006", "Thyroid");
        organ("spinal_cord", "2748008", "Spinal cord");
        organ("sacrum", "54735007", "Sacrum");
        lesion("neoplasm", "108369006", "Neoplasm");
        lesion("tumor", "108369006", "Neoplasm");
        lesion("lesion", "52988006", "Lesion");
        lesion("nodule", "27925004", "Nodule");
        lesion("mass", "4147007", "Mass");
    }

    private SegmentedProperties() {
    }

    private static void organ(String name, String value, String meaning) {
        TABLE.put(name, new SegmentedProperty(ANATOMICAL_STRUCTURE, Code.sct(value, meaning)));
    }

    /** An organ of which there is one each side: the plain name, and _left / _right with laterality. */
    private static void paired(String name, String value, String meaning) {
        organ(name, value, meaning);
        lateral(name, value, meaning);
    }

    private static void lateral(String name, String value, String meaning) {
        SegmentedProperty plain = new SegmentedProperty(ANATOMICAL_STRUCTURE, Code.sct(value, meaning));
        TABLE.put(name + "_left", plain.withModifier(LEFT));
        TABLE.put(name + "_right", plain.withModifier(RIGHT));
    }

    private static void lesion(String name, String value, String meaning) {
        TABLE.put(name, new SegmentedProperty(MORPHOLOGICALLY_ABNORMAL, Code.sct(value, meaning)));
    }

    /** The codes for a structure name, when the table knows it. */
    public static Optional<SegmentedProperty> find(String name) {
        return Optional.ofNullable(TABLE.get(normalise(name)));
    }

    /** The codes for a structure name, or {@link #FALLBACK}. */
    public static SegmentedProperty forName(String name) {
        return find(name).orElse(FALLBACK);
    }

    /** Every name the table knows, with its codes, in table order. */
    public static Map<String, SegmentedProperty> table() {
        return Collections.unmodifiableMap(TABLE);
    }

    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
