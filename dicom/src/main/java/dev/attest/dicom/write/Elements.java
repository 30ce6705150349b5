package dev.attest.dicom.write;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TagDictionary;
import dev.attest.dicom.Vr;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Sets values on data sets that Attest creates, with the VR the data dictionary gives each tag.
 *
 * <p>Every object Attest writes declares Specific Character Set ISO_IR 192, so text is encoded
 * as UTF-8 here directly: {@link DicomDataset#setString} would pick the charset from the item's
 * parent, which a sequence item built before it is attached does not have yet. Taking the VR
 * from the dictionary removes a whole class of slips (an LO written as SH, an IS as US).
 */
public final class Elements {
    /** The Specific Character Set of everything Attest writes. */
    public static final String CHARACTER_SET = "ISO_IR 192";

    private Elements() {
    }

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    /**
     * A new instance's data set with what every object Attest creates starts with: the character set, SOP
     * class and instance, modality, and one moment as its Instance Creation, Series and Content date and time.
     */
    public static DicomDataset newInstance(String sopClassUid, String sopInstanceUid, String modality,
                                           LocalDateTime created) {
        DicomDataset ds = new DicomDataset();
        String date = DA.format(created);
        String time = TM.format(created);
        text(ds, Tag.SpecificCharacterSet, CHARACTER_SET);
        text(ds, Tag.InstanceCreationDate, date);
        text(ds, Tag.InstanceCreationTime, time);
        text(ds, Tag.SOPClassUID, sopClassUid);
        text(ds, Tag.SOPInstanceUID, sopInstanceUid);
        text(ds, Tag.SeriesDate, date);
        text(ds, Tag.SeriesTime, time);
        text(ds, Tag.ContentDate, date);
        text(ds, Tag.ContentTime, time);
        text(ds, Tag.Modality, modality);
        return ds;
    }

    /** The dictionary VR of a public tag; refuses tags the dictionary does not know. */
    static Vr vr(int tag) {
        Vr vr = TagDictionary.vrOf(tag);
        if (vr == Vr.UN) {
            throw new IllegalArgumentException("the data dictionary has no VR for " + Tag.toString(tag));
        }
        return vr;
    }

    /** Sets text values (joined by backslashes); an empty string gives a zero-length (Type 2) value. */
    public static DicomDataset text(DicomDataset ds, int tag, String... values) {
        Vr vr = vr(tag);
        if (vr.valueSize() > 0) {
            throw new IllegalArgumentException(Tag.toString(tag) + " is " + vr + ", not text");
        }
        String joined = String.join("\\", values);
        ds.setBytes(tag, vr, joined.getBytes(vr.isCharsetDependent() ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII));
        return ds;
    }

    /** Sets integers: IS as text, US/UL/SS/SL binary. */
    public static DicomDataset ints(DicomDataset ds, int tag, int... values) {
        return ds.setInts(tag, vr(tag), values);
    }

    /** Sets decimals: DS as the shortest text that fits 16 characters, FL/FD binary. */
    public static DicomDataset decimals(DicomDataset ds, int tag, double... values) {
        return ds.setDoubles(tag, vr(tag), values);
    }

    /** Sets a sequence of items (an empty list gives an empty Type 2 sequence). */
    public static DicomDataset sequence(DicomDataset ds, int tag, List<DicomDataset> items) {
        if (vr(tag) != Vr.SQ) {
            throw new IllegalArgumentException(Tag.toString(tag) + " is not a sequence");
        }
        return ds.setSequence(tag, items);
    }

    /** Sets a sequence of one item. */
    public static DicomDataset item(DicomDataset ds, int tag, DicomDataset item) {
        return sequence(ds, tag, List.of(item));
    }
}
