package dev.attest.dicom.pixel;

/** How each stored sample is encoded: an integer (Pixel Data) or an IEEE float (Float / Double Float Pixel Data). */
public enum SampleKind {
    INTEGER, FLOAT32, FLOAT64
}
