package dev.attest.dicom.deid;

/**
 * The PS3.15 Annex E options a user can choose in Attest, each tied to its column of Table E.1-1
 * and its CID 7050 code.
 */
public enum DeidOption {
    /** Dates move by one offset per patient, so intervals between studies survive; times are kept. */
    RETAIN_LONGITUDINAL_MODIFIED_DATES(ProfileColumn.RETAIN_LONG_MODIFIED_DATES),
    /** Descriptions and comments are kept with identifiers scrubbed out instead of being removed. */
    CLEAN_DESCRIPTORS(ProfileColumn.CLEAN_DESCRIPTORS),
    /** Scanner identity (station name, serial numbers, device UIDs) is kept, e.g. to stratify by scanner. */
    RETAIN_DEVICE_IDENTITY(ProfileColumn.RETAIN_DEVICE_IDENTITY),
    /** Institution name, address and department are kept, e.g. to stratify by site. */
    RETAIN_INSTITUTION_IDENTITY(ProfileColumn.RETAIN_INSTITUTION_IDENTITY),
    /** Sex, age, size, weight and similar characteristics are kept. */
    RETAIN_PATIENT_CHARACTERISTICS(ProfileColumn.RETAIN_PATIENT_CHARACTERISTICS);

    private final ProfileColumn column;

    DeidOption(ProfileColumn column) {
        this.column = column;
    }

    public ProfileColumn column() {
        return column;
    }

    /** Code Value (scheme DCM) for De-identification Method Code Sequence. */
    public String code() {
        return column.code();
    }

    public String meaning() {
        return column.meaning();
    }
}
