package dev.attest.dicom;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A coded concept as the Code Sequence Macro carries it (PS3.3 Table 8.8-1): a code value, the
 * designator of its coding scheme (DCM, SCT, UCUM, LN, or a private "99..." scheme) and its
 * meaning in words.
 *
 * <p>Two codes denote the same concept when value and scheme agree; the meaning is display text
 * that files spell in different ways ("Milliliter", "milliliter"), so {@link #sameConcept} ignores
 * it while {@link #equals} does not.
 */
public record Code(String value, String scheme, String meaning) {
    /** Code Value (SH) holds at most 16 characters; longer values go to Long Code Value (UC). */
    private static final int SHORT_VALUE_LIMIT = 16;
    /** Code Meaning is LO: at most 64 characters. */
    private static final int MEANING_LIMIT = 64;

    static final int CodeValue = 0x00080100;
    static final int CodingSchemeDesignator = 0x00080102;
    static final int CodingSchemeVersion = 0x00080103;
    static final int CodeMeaning = 0x00080104;
    static final int LongCodeValue = 0x00080119;
    static final int URNCodeValue = 0x00080120;

    public Code {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(meaning, "meaning");
        if (value.isBlank() || scheme.isBlank() || meaning.isBlank()) {
            throw new IllegalArgumentException("a code needs a value, a scheme and a meaning: (" + value + ", " + scheme
                    + ", \"" + meaning + "\")");
        }
        if (meaning.length() > MEANING_LIMIT) {
            throw new IllegalArgumentException("Code Meaning is at most " + MEANING_LIMIT + " characters: \"" + meaning + "\"");
        }
    }

    /** A code of the DICOM Controlled Terminology (PS3.16 Annex D). */
    public static Code dcm(String value, String meaning) {
        return new Code(value, "DCM", meaning);
    }

    /** A SNOMED CT concept. */
    public static Code sct(String value, String meaning) {
        return new Code(value, "SCT", meaning);
    }

    /** A unit of measure in the Unified Code for Units of Measure. */
    public static Code ucum(String value, String meaning) {
        return new Code(value, "UCUM", meaning);
    }

    /** Same value and coding scheme; the meaning is not compared. */
    public boolean sameConcept(Code other) {
        return other != null && value.equals(other.value) && scheme.equals(other.scheme);
    }

    /**
     * The code as a sequence item. Values longer than 16 characters go to Long Code Value and
     * URNs to URN Code Value (PS3.3 8.8.1), since Code Value is SH.
     */
    public DicomDataset toItem() {
        DicomDataset item = new DicomDataset();
        if (value.startsWith("urn:") || value.startsWith("http://") || value.startsWith("https://")) {
            item.setBytes(URNCodeValue, Vr.UR, value.getBytes(StandardCharsets.US_ASCII));
        } else if (value.length() > SHORT_VALUE_LIMIT) {
            item.setBytes(LongCodeValue, Vr.UC, value.getBytes(StandardCharsets.UTF_8));
        } else {
            item.setBytes(CodeValue, Vr.SH, value.getBytes(StandardCharsets.UTF_8));
        }
        item.setBytes(CodingSchemeDesignator, Vr.SH, scheme.getBytes(StandardCharsets.UTF_8));
        item.setBytes(CodeMeaning, Vr.LO, meaning.getBytes(StandardCharsets.UTF_8));
        return item;
    }

    /** The code in a Code Sequence Macro item, or empty when the item lacks a value, a scheme or a meaning. */
    public static Optional<Code> fromItem(DicomDataset item) {
        String value = item.getString(CodeValue);
        if (value == null || value.isEmpty()) {
            value = item.getString(LongCodeValue);
        }
        if (value == null || value.isEmpty()) {
            value = item.getString(URNCodeValue);
        }
        String scheme = item.getString(CodingSchemeDesignator);
        String meaning = item.getString(CodeMeaning);
        if (value == null || value.isBlank() || scheme == null || scheme.isBlank() || meaning == null || meaning.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Code(value, scheme, meaning.length() > MEANING_LIMIT ? meaning.substring(0, MEANING_LIMIT) : meaning));
    }

    /** The code in the first item of a code sequence, if the sequence is there and its item is a complete code. */
    public static Optional<Code> fromSequence(DicomDataset ds, int sequenceTag) {
        return ds.getItem(sequenceTag).flatMap(Code::fromItem);
    }

    @Override
    public String toString() {
        return "(" + value + ", " + scheme + ", \"" + meaning + "\")";
    }
}
