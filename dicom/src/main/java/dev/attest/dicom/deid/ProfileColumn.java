package dev.attest.dicom.deid;

/**
 * The option columns of PS3.15 Table E.1-1, with the PS3.16 CID 7050 code that names each option in
 * De-identification Method Code Sequence (0012,0064). Attest implements the options in
 * {@link DeidOption}; the other columns are kept in the profile resource so the table stays whole.
 */
public enum ProfileColumn {
    RETAIN_SAFE_PRIVATE("113111", "Retain Safe Private Option"),
    RETAIN_UIDS("113110", "Retain UIDs Option"),
    RETAIN_DEVICE_IDENTITY("113109", "Retain Device Identity Option"),
    RETAIN_INSTITUTION_IDENTITY("113112", "Retain Institution Identity Option"),
    RETAIN_PATIENT_CHARACTERISTICS("113108", "Retain Patient Characteristics Option"),
    RETAIN_LONG_FULL_DATES("113106", "Retain Longitudinal Temporal Information Full Dates Option"),
    RETAIN_LONG_MODIFIED_DATES("113107", "Retain Longitudinal Temporal Information Modified Dates Option"),
    CLEAN_DESCRIPTORS("113105", "Clean Descriptors Option"),
    CLEAN_STRUCTURED_CONTENT("113104", "Clean Structured Content Option"),
    CLEAN_GRAPHICS("113103", "Clean Graphics Option");

    private final String code;
    private final String meaning;

    ProfileColumn(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** Code Value in coding scheme DCM. */
    public String code() {
        return code;
    }

    /** Code Meaning as PS3.16 gives it. */
    public String meaning() {
        return meaning;
    }
}
