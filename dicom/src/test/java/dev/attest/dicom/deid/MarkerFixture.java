package dev.attest.dicom.deid;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TagDictionary;
import dev.attest.dicom.Vr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a CT image, a SEG-like and an SR-like data set of one patient that carry an identifier in
 * every attribute of Table E.1-1 they can hold: a unique "IDENT-gggg-eeee" string in text, a
 * tracked date, time or UID, and the same inside nested sequences, private blocks, curves and
 * overlays. Where the options under test clean an attribute (C) its text is made of the patient's
 * identifiers instead, so that cleaning, not removal, must take them out. The SEG and SR refer to
 * the CT by SOP Instance UID, Series UID and Frame of Reference, as real ones do.
 */
final class MarkerFixture {
    static final String FAMILY = "IDENT-0010-0010";
    static final String GIVEN = "IDENTGIVEN";
    static final String PATIENT_ID = "IDENT-0010-0020";
    static final String CT_CLASS = "1.2.840.10008.5.1.4.1.1.2";
    static final String SEG_CLASS = "1.2.840.10008.5.1.4.1.1.66.4";
    static final String SR_CLASS = "1.2.840.10008.5.1.4.1.1.88.33";
    static final String BENIGN = "Chest CT";
    static final int PERSON_NAME = 0x0040A123;
    static final int CODE_VALUE = 0x00080100;
    static final int CODING_SCHEME = 0x00080102;
    static final int CODE_MEANING = 0x00080104;
    static final int REFERENCED_SOP_CLASS = 0x00081150;
    static final int REFERENCED_SOP_INSTANCE = 0x00081155;

    private final DeidOptions options;
    private final ConfidentialityProfile profile = ConfidentialityProfile.standard();
    private int dateCount;
    private int timeCount;
    private int uidCount;

    /** Every date written (DA form), original values that must not survive unshifted. */
    final Set<String> dates = new LinkedHashSet<>();
    /** Every time written; kept under the modified-dates option, gone otherwise. */
    final Set<String> times = new LinkedHashSet<>();
    /** Every instance UID written. */
    final Set<String> uids = new LinkedHashSet<>();
    /** Markers the options under test keep on purpose (attributes resolved K), with their expected place. */
    final Set<String> retainedMarkers = new LinkedHashSet<>();
    /** Dates, times and UIDs the options under test keep on purpose (e.g. Device UID under Retain Device Identity). */
    final Set<String> retainedValues = new LinkedHashSet<>();
    /** Top-level attributes and the value written, for per-attribute checks. */
    final Map<Integer, String> topLevel = new LinkedHashMap<>();

    final String birthDate;
    final String studyUid;
    final String ctSeriesUid;
    final String ctSopUid;
    final String frameOfReferenceUid;
    final String segSopUid;
    final String srSopUid;

    MarkerFixture(DeidOptions options) {
        this.options = options;
        birthDate = nextDate();
        studyUid = nextUid();
        ctSeriesUid = nextUid();
        ctSopUid = nextUid();
        frameOfReferenceUid = nextUid();
        segSopUid = nextUid();
        srSopUid = nextUid();
    }

    static String marker(int tag) {
        return String.format("IDENT-%04X-%04X", Tag.group(tag), Tag.element(tag));
    }

    /** Text of identifiers only (the patient's name, ID and birth date) after a benign prefix. */
    String identifierText() {
        LocalDate d = LocalDate.parse(birthDate, DateTimeFormatter.BASIC_ISO_DATE);
        return BENIGN + " " + GIVEN + " " + FAMILY + " id " + PATIENT_ID + " dob " + d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    String nextDate() {
        // 37 days apart: no shift of whole days in the tests maps one written date onto another.
        String d = LocalDate.of(1961, 1, 3).plusDays(37L * dateCount++).format(DateTimeFormatter.BASIC_ISO_DATE);
        dates.add(d);
        return d;
    }

    String nextTime() {
        int i = timeCount++;
        String t = String.format("%02d%02d37.4242", 1 + (i / 60) % 22, i % 60);
        times.add(t);
        return t;
    }

    String nextUid() {
        String u = "1.2.826.0.1.3680043.10.543." + (1000 + uidCount++);
        uids.add(u);
        return u;
    }

    private Action resolved(int tag) {
        ProfileRow row = profile.rowFor(tag);
        return row == null ? null : options.resolve(row).action();
    }

    // ---- the CT image: every attribute of the table ----------------------------------------------

    DicomDataset ct() {
        DicomDataset ds = new DicomDataset();
        for (ProfileRow row : profile.rows()) {
            int tag = row.tag();
            if (row.mask() != 0xFFFFFFFF || Tag.group(tag) == 0x0000 || Tag.group(tag) == 0x0002) {
                continue; // masks are planted below; command and meta groups do not belong in a data set
            }
            Vr vr = tag == 0x00102161 ? Vr.SQ : tag == 0x00102162 ? Vr.UC : TagDictionary.vrOf(tag);
            Action action = options.resolve(row).action();
            if (vr == Vr.SQ) {
                ds.setSequence(tag, List.of(item(tag, action)));
            } else {
                ds.put(value(tag, vr, action));
            }
        }
        identity(ds, CT_CLASS, ctSeriesUid, ctSopUid, "CT");
        ds.setString(0x00204000, Vr.LT, identifierText()); // Image Comments with the patient's name in it
        topLevel.put(0x00204000, identifierText());
        ds.setSequence(0x0040A730, srContent()); // an SR-like content tree, PNAME and TEXT included
        ds.setSequence(0x00400275, List.of(requestAttributes()));
        DicomDataset other = new DicomDataset().setString(Tag.PatientID, Vr.LO, "IDENT-OTHER-ID")
                .setString(0x00100021, Vr.LO, "IDENT-OTHER-ISSUER");
        ds.setSequence(0x00101002, List.of(other));
        ds.setSequence(0x00081120, List.of(reference("1.2.840.10008.3.1.2.1.1", nextUid())));
        privateBlock(ds);
        curveAndOverlay(ds);
        image(ds, 16);
        return ds;
    }

    /** Identity attributes; those of the CT are recorded in {@link #topLevel}. */
    private void identity(DicomDataset ds, String sopClass, String series, String sop, String modality) {
        ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, Vr.UI, sopClass);
        ds.setString(Tag.SOPInstanceUID, Vr.UI, sop);
        ds.setString(Tag.StudyInstanceUID, Vr.UI, studyUid);
        ds.setString(Tag.SeriesInstanceUID, Vr.UI, series);
        ds.setString(Tag.FrameOfReferenceUID, Vr.UI, frameOfReferenceUid);
        ds.setString(Tag.Modality, Vr.CS, modality);
        ds.setString(Tag.PatientName, Vr.PN, FAMILY + "^" + GIVEN);
        ds.setString(Tag.PatientID, Vr.LO, PATIENT_ID);
        ds.setString(Tag.PatientBirthDate, Vr.DA, birthDate);
        ds.setString(Tag.Manufacturer, Vr.LO, "Attest test");
        ds.setString(Tag.BurnedInAnnotation, Vr.CS, "NO");
        for (int tag : !sopClass.equals(CT_CLASS) ? new int[0] : new int[] {Tag.SOPInstanceUID, Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.FrameOfReferenceUID,
                Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate}) {
            topLevel.put(tag, ds.getString(tag));
        }
    }

    private DicomElement value(int tag, Vr vr, Action action) {
        String text = switch (vr) {
            case DA -> nextDate();
            case TM -> nextTime();
            case DT -> nextDate() + "101010.4242";
            case UI -> nextUid();
            case AS -> "047Y";
            case DS -> "7" + uidCount + ".25";
            case IS -> Integer.toString(700 + uidCount);
            case AE, CS, SH, LO, LT, ST, UT, UC, PN, UR -> action == Action.C ? identifierText() : marker(tag);
            default -> null;
        };
        if (text != null) {
            topLevel.put(tag, text);
            if (action == Action.K) {
                (text.startsWith("IDENT") ? retainedMarkers : retainedValues).add(text);
            }
            Vr written = vr == Vr.UR ? Vr.UR : vr;
            return new DicomElement.Value(tag, written, text.getBytes(StandardCharsets.UTF_8));
        }
        if (vr == Vr.US) {
            return new DicomElement.Value(tag, vr, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 4).array());
        }
        byte[] bytes = marker(tag).getBytes(StandardCharsets.US_ASCII); // OB, UN: the marker as bytes
        if (action == Action.K) {
            retainedMarkers.add(marker(tag));
        }
        return new DicomElement.Value(tag, vr == Vr.UN ? Vr.OB : vr, bytes);
    }

    /** An item for a sequence attribute of the table, shaped for what the profile does with it. */
    private DicomDataset item(int tag, Action action) {
        if (action == Action.U) {
            return reference(CT_CLASS, nextUid()); // Referenced Image / Source Image: references only
        }
        String m = marker(tag);
        DicomDataset it = new DicomDataset();
        it.setString(PERSON_NAME, Vr.PN, m + "-P");
        it.setString(Tag.PatientID, Vr.LO, m + "-I");
        if (action == Action.C) {
            it.setString(CODE_VALUE, Vr.SH, "R1");
            it.setString(CODING_SCHEME, Vr.SH, "99ATTEST");
            it.setString(CODE_MEANING, Vr.LO, identifierText());
        } else {
            it.setString(CODE_VALUE, Vr.SH, m + "-C");
            it.setString(CODING_SCHEME, Vr.SH, "99ATTEST");
            it.setString(CODE_MEANING, Vr.LO, m + "-M");
            if (action == Action.K) {
                retainedMarkers.add(m + "-C");
                retainedMarkers.add(m + "-M");
            }
        }
        it.setString(0x00400244, Vr.DA, nextDate()); // Performed Procedure Step Start Date, nested
        return it;
    }

    static DicomDataset reference(String sopClass, String sopInstance) {
        return new DicomDataset().setString(REFERENCED_SOP_CLASS, Vr.UI, sopClass)
                .setString(REFERENCED_SOP_INSTANCE, Vr.UI, sopInstance);
    }

    private static DicomDataset code(String value, String scheme, String meaning) {
        return new DicomDataset().setString(CODE_VALUE, Vr.SH, value).setString(CODING_SCHEME, Vr.SH, scheme)
                .setString(CODE_MEANING, Vr.LO, meaning);
    }

    private DicomDataset contentItem(String valueType, DicomDataset concept) {
        DicomDataset it = new DicomDataset();
        it.setString(0x0040A010, Vr.CS, "CONTAINS");
        it.setString(0x0040A040, Vr.CS, valueType);
        it.setSequence(0x0040A043, List.of(concept));
        return it;
    }

    /** PNAME, TEXT, DATE, DATETIME, UIDREF and IMAGE items, as a TID 1500 report has them. */
    List<DicomDataset> srContent() {
        DicomDataset pname = contentItem("PNAME", code("121008", "DCM", "Person Observer Name"));
        pname.setString(PERSON_NAME, Vr.PN, FAMILY + "^" + GIVEN);
        DicomDataset text = contentItem("TEXT", code("121106", "DCM", "Comment"));
        text.setString(0x0040A160, Vr.UT, "Seen for " + FAMILY + " " + GIVEN + ", ID " + PATIENT_ID);
        DicomDataset date = contentItem("DATE", code("111060", "DCM", "Study Date"));
        date.setString(0x0040A121, Vr.DA, nextDate());
        DicomDataset dateTime = contentItem("DATETIME", code("111526", "DCM", "DateTime Started"));
        dateTime.setString(0x0040A120, Vr.DT, nextDate() + "101010.4242");
        DicomDataset uidref = contentItem("UIDREF", code("112040", "DCM", "Tracking Unique Identifier"));
        uidref.setString(0x0040A124, Vr.UI, nextUid());
        DicomDataset image = contentItem("IMAGE", code("121112", "DCM", "Source of Measurement"));
        image.setSequence(0x00081199, List.of(reference(CT_CLASS, ctSopUid)));
        return List.of(pname, text, date, dateTime, uidref, image);
    }

    private DicomDataset requestAttributes() {
        DicomDataset it = new DicomDataset();
        it.setString(0x00401001, Vr.SH, "IDENT-RA-REQPROC");
        it.setString(Tag.AccessionNumber, Vr.SH, "IDENT-RA-ACCESSION");
        it.setString(0x00400009, Vr.SH, "IDENT-RA-SPSID");
        it.setString(0x00321060, Vr.LO, options.has(DeidOption.CLEAN_DESCRIPTORS) ? identifierText() : "IDENT-RA-DESC");
        it.setString(Tag.StudyInstanceUID, Vr.UI, studyUid);
        return it;
    }

    private void privateBlock(DicomDataset ds) {
        ds.setString(0x00090010, Vr.LO, "ACME IDENT-PRIVATE-CREATOR");
        ds.setString(0x00091001, Vr.LO, "IDENT-0009-1001 " + FAMILY);
        ds.setBytes(0x00091002, Vr.UN, "IDENT-0009-1002".getBytes(StandardCharsets.US_ASCII));
        ds.setSequence(0x00091003, List.of(new DicomDataset().setString(Tag.PatientName, Vr.PN, "IDENT-0009-1003")));
    }

    private void curveAndOverlay(DicomDataset ds) {
        ds.setInts(0x50000005, Vr.US, 1);
        ds.setBytes(0x50003000, Vr.OB, "IDENT-5000-3000!".getBytes(StandardCharsets.US_ASCII));
        ds.setInts(0x60000010, Vr.US, 8);
        ds.setInts(0x60000011, Vr.US, 8);
        ds.setString(0x60000040, Vr.CS, "G");
        ds.setInts(0x60000050, Vr.SS, 1, 1);
        ds.setInts(0x60000100, Vr.US, 1);
        ds.setInts(0x60000102, Vr.US, 0);
        ds.setString(0x60004000, Vr.LT, "IDENT-6000-4000");
        ds.setBytes(0x60003000, Vr.OW, "IDENT-6000-3000!".getBytes(StandardCharsets.US_ASCII));
    }

    static void image(DicomDataset ds, int bits) {
        ds.setInts(Tag.SamplesPerPixel, Vr.US, 1);
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, Vr.US, 8);
        ds.setInts(Tag.Columns, Vr.US, 8);
        ds.setInts(Tag.BitsAllocated, Vr.US, bits);
        ds.setInts(Tag.BitsStored, Vr.US, bits);
        ds.setInts(Tag.HighBit, Vr.US, bits - 1);
        ds.setInts(Tag.PixelRepresentation, Vr.US, 0);
        byte[] pixels = new byte[8 * 8 * bits / 8];
        java.util.Arrays.fill(pixels, (byte) 0x5A);
        ds.setBytes(Tag.PixelData, bits > 8 ? Vr.OW : Vr.OB, pixels);
    }

    // ---- the SEG and the SR: references into the CT ----------------------------------------------

    DicomDataset seg() {
        DicomDataset ds = new DicomDataset();
        identity(ds, SEG_CLASS, nextUid(), segSopUid, "SEG");
        ds.setString(Tag.StudyDate, Vr.DA, nextDate());
        DicomDataset refSeries = new DicomDataset().setString(Tag.SeriesInstanceUID, Vr.UI, ctSeriesUid);
        refSeries.setSequence(0x0008114A, List.of(reference(CT_CLASS, ctSopUid)));
        ds.setSequence(0x00081115, List.of(refSeries));
        ds.setSequence(0x00082112, List.of(reference(CT_CLASS, ctSopUid)));
        DicomDataset derivation = new DicomDataset();
        derivation.setSequence(0x00082112, List.of(reference(CT_CLASS, ctSopUid)));
        DicomDataset frame = new DicomDataset();
        frame.setSequence(0x00089124, List.of(derivation));
        ds.setSequence(Tag.PerFrameFunctionalGroupsSequence, List.of(frame));
        String dimensionOrganization = nextUid();
        ds.setSequence(0x00209221, List.of(new DicomDataset().setString(0x00209164, Vr.UI, dimensionOrganization)));
        ds.setSequence(Tag.DimensionIndexSequence, List.of(new DicomDataset().setString(0x00209164, Vr.UI, dimensionOrganization)));
        DicomDataset refFor = new DicomDataset().setString(0x30060024, Vr.UI, frameOfReferenceUid);
        ds.setSequence(0x30060010, List.of(refFor));
        ds.setSequence(0x0040A375, List.of(evidence(ctSeriesUid, CT_CLASS, ctSopUid)));
        image(ds, 1);
        return ds;
    }

    DicomDataset sr() {
        DicomDataset ds = new DicomDataset();
        identity(ds, SR_CLASS, nextUid(), srSopUid, "SR");
        ds.remove(Tag.FrameOfReferenceUID);
        ds.setString(Tag.ContentDate, Vr.DA, nextDate());
        ds.setString(0x00080033, Vr.TM, nextTime());
        ds.setString(0x0040A491, Vr.CS, "COMPLETE");
        DicomDataset verifier = new DicomDataset().setString(0x0040A075, Vr.PN, "IDENT-A075-VERIFIER")
                .setString(0x0040A027, Vr.LO, "IDENT-A027-ORG").setString(0x0040A030, Vr.DT, nextDate() + "101010.4242");
        ds.setSequence(0x0040A073, List.of(verifier));
        List<DicomDataset> content = new ArrayList<>(srContent());
        DicomDataset segRef = contentItem("IMAGE", code("121233", "DCM", "Source series for segmentation"));
        segRef.setSequence(0x00081199, List.of(reference(SEG_CLASS, segSopUid)));
        content.add(segRef);
        ds.setSequence(0x0040A730, content);
        ds.setSequence(0x0040A375, List.of(evidence(ctSeriesUid, CT_CLASS, ctSopUid)));
        return ds;
    }

    private DicomDataset evidence(String series, String sopClass, String sop) {
        DicomDataset s = new DicomDataset().setString(Tag.SeriesInstanceUID, Vr.UI, series);
        s.setSequence(0x00081199, List.of(reference(sopClass, sop)));
        DicomDataset study = new DicomDataset().setString(Tag.StudyInstanceUID, Vr.UI, studyUid);
        study.setSequence(0x00081115, List.of(s));
        return study;
    }
}
