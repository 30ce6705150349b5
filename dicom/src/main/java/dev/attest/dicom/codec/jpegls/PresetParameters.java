package dev.attest.dicom.codec.jpegls;

/**
 * JPEG-LS preset coding parameters as an LSE marker segment of type 1 gives them (T.87 C.2.4.1.1);
 * a zero means "the default".
 */
record PresetParameters(int maxVal, int t1, int t2, int t3, int reset) {

    /** No LSE segment: every parameter takes its default. */
    static final PresetParameters DEFAULTS = new PresetParameters(0, 0, 0, 0, 0);
}
