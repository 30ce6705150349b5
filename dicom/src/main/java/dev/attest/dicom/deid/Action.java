package dev.attest.dicom.deid;

/** What the de-identifier does to one attribute (PS3.15 Table E.1-1a), after options are applied. */
public enum Action {
    /** Replace with a non-zero-length dummy value of the same VR (a sequence keeps its items, each cleaned). */
    D,
    /** Replace with a zero-length value (a sequence with no items). */
    Z,
    /** Remove. */
    X,
    /** Keep (a sequence keeps its items, each cleaned). */
    K,
    /** Clean: shift a date by the patient's offset, or scrub identifiers out of free text. */
    C,
    /** Replace every UID with its consistent replacement from the export's {@link UidMap}. */
    U
}
