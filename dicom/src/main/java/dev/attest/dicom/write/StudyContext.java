package dev.attest.dicom.write;

import dev.attest.dicom.Code;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;
import dev.attest.dicom.Uids;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The patient and study a derived object (a SEG, an SR) belongs to, and the frame of reference
 * its coordinates are in: copied from a source image, or made up for a source that has no DICOM
 * (a NIfTI volume), in which case the study and frame of reference are new and consistent across
 * every object written with the same context.
 *
 * @param studyInstanceUid    Study Instance UID
 * @param frameOfReferenceUid Frame of Reference UID, or "" when the source has none
 * @param positionReferenceIndicator Position Reference Indicator of the source (often "")
 * @param values              the copied Patient, Patient Study and General Study attributes, by tag, as text
 * @param deidentificationMethods De-identification Method Code Sequence of a de-identified source
 * @param synthesised         true when nothing came from a DICOM source
 */
public record StudyContext(String studyInstanceUid, String frameOfReferenceUid, String positionReferenceIndicator,
                           Map<Integer, String> values, List<Code> deidentificationMethods, boolean synthesised) {

    static final int IssuerOfPatientID = 0x00100021;
    static final int PatientAge = 0x00101010;
    static final int PatientSize = 0x00101020;
    static final int PatientWeight = 0x00101030;
    static final int PatientIdentityRemoved = 0x00120062;
    static final int DeidentificationMethod = 0x00120063;
    static final int DeidentificationMethodCodeSequence = 0x00120064;

    /** Type 2 attributes of the Patient and General Study modules: written even when empty. */
    private static final int[] REQUIRED = {Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.PatientSex,
            Tag.StudyDate, Tag.StudyTime, Tag.ReferringPhysicianName, Tag.StudyID, Tag.AccessionNumber};
    /**
     * Optional attributes copied when the source has them. Patient Identity Removed and the
     * de-identification method travel with the patient: a SEG of a de-identified CT must say so too.
     */
    private static final int[] OPTIONAL = {IssuerOfPatientID, PatientAge, PatientSize, PatientWeight,
            PatientIdentityRemoved, DeidentificationMethod, Tag.StudyDescription};

    public StudyContext {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(frameOfReferenceUid, "frameOfReferenceUid");
        Objects.requireNonNull(positionReferenceIndicator, "positionReferenceIndicator");
        if (studyInstanceUid.isEmpty()) {
            throw new IllegalArgumentException("a study context needs a Study Instance UID");
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        deidentificationMethods = List.copyOf(deidentificationMethods);
    }

    /** The context of a source image: its patient, its study and its frame of reference. */
    public static StudyContext of(DicomDataset source) {
        String study = source.getString(Tag.StudyInstanceUID, "");
        if (study.isEmpty()) {
            throw new IllegalArgumentException("the source image has no Study Instance UID to derive from");
        }
        return of(source, study);
    }

    /**
     * The context of a source image whose Study Instance UID may be blank (an anonymisation
     * defect): then {@code fallbackStudyUid} stands in, so the derived objects still share one study.
     */
    public static StudyContext of(DicomDataset source, String fallbackStudyUid) {
        String study = source.getString(Tag.StudyInstanceUID, "");
        if (study.isEmpty()) {
            study = fallbackStudyUid;
        }
        Map<Integer, String> values = new LinkedHashMap<>();
        for (int tag : REQUIRED) {
            values.put(tag, source.getString(tag, ""));
        }
        for (int tag : OPTIONAL) {
            String v = source.getString(tag);
            if (v != null && !v.isEmpty()) {
                values.put(tag, v);
            }
        }
        List<Code> methods = new ArrayList<>();
        for (DicomDataset item : source.getSequence(DeidentificationMethodCodeSequence)) {
            Code.fromItem(item).ifPresent(methods::add);
        }
        return new StudyContext(study, source.getString(Tag.FrameOfReferenceUID, ""),
                source.getString(Tag.PositionReferenceIndicator, ""), values, methods, false);
    }

    /**
     * A new study and frame of reference for a source without DICOM, with fresh random UIDs.
     * Study ID stays empty (Type 2): there is no scheduled study to take one from.
     *
     * @param patientName  Patient's Name (DICOM PN, e.g. "Case^0001"), may be ""
     * @param patientId    Patient ID, may be ""
     * @param description  Study Description, may be ""
     * @param studyTime    Study Date and Study Time
     */
    public static StudyContext synthesised(String patientName, String patientId, String description, LocalDateTime studyTime) {
        return synthesised(patientName, patientId, description, studyTime, Uids.create(), Uids.create());
    }

    /** As {@link #synthesised(String, String, String, LocalDateTime)} with given UIDs, for reproducible output. */
    public static StudyContext synthesised(String patientName, String patientId, String description, LocalDateTime studyTime,
                                           String studyInstanceUid, String frameOfReferenceUid) {
        Map<Integer, String> values = new LinkedHashMap<>();
        for (int tag : REQUIRED) {
            values.put(tag, "");
        }
        values.put(Tag.PatientName, patientName);
        values.put(Tag.PatientID, patientId);
        values.put(Tag.StudyDate, DateTimeFormatter.ofPattern("yyyyMMdd").format(studyTime));
        values.put(Tag.StudyTime, DateTimeFormatter.ofPattern("HHmmss").format(studyTime));
        if (!description.isEmpty()) {
            values.put(Tag.StudyDescription, description);
        }
        return new StudyContext(studyInstanceUid, frameOfReferenceUid, "", values, List.of(), true);
    }

    /** A copied attribute's text ("" when the source left it empty or did not have it). */
    public String value(int tag) {
        return values.getOrDefault(tag, "");
    }

    /** Writes the Patient, Patient Study and General Study modules (and Study Instance UID) into {@code ds}. */
    public void applyTo(DicomDataset ds) {
        values.forEach((tag, value) -> Elements.text(ds, tag, value));
        Elements.text(ds, Tag.StudyInstanceUID, studyInstanceUid);
        if (!deidentificationMethods.isEmpty()) {
            Elements.sequence(ds, DeidentificationMethodCodeSequence,
                    deidentificationMethods.stream().map(Code::toItem).toList());
        }
    }

    /** Writes the Frame of Reference module; does nothing when there is no frame of reference. */
    public void applyFrameOfReferenceTo(DicomDataset ds) {
        if (!frameOfReferenceUid.isEmpty()) {
            Elements.text(ds, Tag.FrameOfReferenceUID, frameOfReferenceUid);
            Elements.text(ds, Tag.PositionReferenceIndicator, positionReferenceIndicator);
        }
    }
}
