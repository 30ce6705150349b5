package dev.attest.app.export.objects;

import dev.attest.dicom.Code;
import dev.attest.dicom.Tag;
import dev.attest.dicom.write.StudyContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patient and study modules of a case's SEG and SR: the case pseudonym as Patient's Name and ID, every other
 * Patient and General Study attribute empty (they are Type 2), exported UIDs only, and the de-identification
 * attributes saying so. Nothing is copied from the source images' headers, so these objects carry no identifier
 * whatever the de-identification options of the images were; their study and frame of reference are the images'
 * remapped ones, so they still join the de-identified images' study.
 */
final class PseudonymousStudy {
    private static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
    private static final int DEIDENTIFICATION_METHOD = 0x00120063;
    /** PS3.16 CID 7050: the profile the objects are consistent with (they hold less than it allows). */
    static final Code BASIC_PROFILE = Code.dcm("113100", "Basic Application Confidentiality Profile");
    /** LO: at most 64 characters. */
    static final String METHOD = "Attest export: case pseudonym and remapped UIDs only";

    private PseudonymousStudy() {
    }

    /**
     * @param positionReferenceIndicator the source's Position Reference Indicator (it names an anatomical landmark,
     *                                   not the patient), "" when none
     * @param synthesised                true for a case without DICOM, whose study and frame of reference are new
     */
    static StudyContext of(String pseudonym, String studyUid, String frameOfReferenceUid, String positionReferenceIndicator,
                           boolean synthesised) {
        Map<Integer, String> values = new LinkedHashMap<>();
        values.put(Tag.PatientName, pseudonym);
        values.put(Tag.PatientID, pseudonym);
        for (int tag : new int[] {Tag.PatientBirthDate, Tag.PatientSex, Tag.StudyDate, Tag.StudyTime,
                Tag.ReferringPhysicianName, Tag.StudyID, Tag.AccessionNumber}) {
            values.put(tag, "");
        }
        values.put(PATIENT_IDENTITY_REMOVED, "YES");
        values.put(DEIDENTIFICATION_METHOD, METHOD);
        return new StudyContext(studyUid, frameOfReferenceUid, positionReferenceIndicator, values, List.of(BASIC_PROFILE),
                synthesised);
    }
}
