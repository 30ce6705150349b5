package dev.attest.app.export.objects;

/** The standard objects written for each case of a benchmark set. */
public enum ObjectKind {
    /** Boxes as COCO object-detection JSON ({@code labels/<case>.coco.json}). */
    COCO,
    /** Claims with their boxes as a RadFact grounded-reporting example ({@code labels/<case>.radfact.json}). */
    RADFACT,
    /** The label map as a DICOM Segmentation ({@code labels/<case>-seg<n>.dcm}). */
    SEG,
    /** The reviewers' verdicts as a DICOM TID 1500 measurement report ({@code sr/<case>-sr.dcm}). */
    SR
}
