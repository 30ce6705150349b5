package dev.attest.dicom.codec.jpegls;

/**
 * The coding parameters one scan is decoded with: MAXVAL, the gradient thresholds T1–T3 and
 * RESET, each either from the preset (LSE) segment or computed by the default rules of T.87
 * C.2.4.1.1.1 for the scan's NEAR.
 */
record CodingParameters(int maxVal, int t1, int t2, int t3, int reset) {
    private static final int BASIC_T1 = 3;
    private static final int BASIC_T2 = 7;
    private static final int BASIC_T3 = 21;
    private static final int DEFAULT_RESET = 64;

    /**
     * Resolves {@code preset} for samples of {@code precision} bits coded with {@code near}, and
     * checks every value against the ranges of T.87 C.2.4.1.1 (Table C.2).
     */
    static CodingParameters resolve(int precision, int near, PresetParameters preset, long offset) throws JpegLsException {
        int fullScale = (1 << precision) - 1;
        int maxVal = preset.maxVal() == 0 ? fullScale : preset.maxVal();
        if (maxVal < 1 || maxVal > fullScale) {
            throw malformed(offset, "MAXVAL " + maxVal + " is outside 1.." + fullScale + " for " + precision + "-bit samples");
        }
        if (near > Math.min(255, maxVal / 2)) {
            throw malformed(offset, "NEAR " + near + " is larger than min(255, MAXVAL / 2) = " + Math.min(255, maxVal / 2));
        }
        int t1;
        int t2;
        int t3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) >> 8;
            t1 = preset.t1() != 0 ? preset.t1() : clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, maxVal);
            t2 = preset.t2() != 0 ? preset.t2() : clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, t1, maxVal);
            t3 = preset.t3() != 0 ? preset.t3() : clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, t2, maxVal);
        } else {
            int factor = 256 / (maxVal + 1);
            t1 = preset.t1() != 0 ? preset.t1() : clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, maxVal);
            t2 = preset.t2() != 0 ? preset.t2() : clamp(Math.max(3, BASIC_T2 / factor + 5 * near), t1, maxVal);
            t3 = preset.t3() != 0 ? preset.t3() : clamp(Math.max(4, BASIC_T3 / factor + 7 * near), t2, maxVal);
        }
        int reset = preset.reset() != 0 ? preset.reset() : DEFAULT_RESET;
        if (t1 < near + 1 || t1 > maxVal) {
            throw malformed(offset, "T1 " + t1 + " is outside " + (near + 1) + ".." + maxVal);
        }
        if (t2 < t1 || t2 > maxVal) {
            throw malformed(offset, "T2 " + t2 + " is outside T1.." + maxVal + " = " + t1 + ".." + maxVal);
        }
        if (t3 < t2 || t3 > maxVal) {
            throw malformed(offset, "T3 " + t3 + " is outside T2.." + maxVal + " = " + t2 + ".." + maxVal);
        }
        if (reset < 3 || reset > Math.max(255, maxVal)) {
            throw malformed(offset, "RESET " + reset + " is outside 3.." + Math.max(255, maxVal));
        }
        return new CodingParameters(maxVal, t1, t2, t3, reset);
    }

    /**
     * The thresholds CharLS 1.x (the JPEG-LS codec inside DCMTK up to at least 3.6.7) uses by
     * default when MAXVAL is below 128: it knows only the formulas for MAXVAL ≥ 128 (CharLS issue
     * #51), so its 2- to 7-bit streams without an LSE segment are coded with other thresholds
     * than T.87 gives. Returns null when that makes no difference: MAXVAL ≥ 128, or the preset
     * sets every threshold.
     */
    static CodingParameters charLs1Defaults(int precision, int near, PresetParameters preset, long offset) throws JpegLsException {
        CodingParameters standard = resolve(precision, near, preset, offset);
        int maxVal = standard.maxVal();
        if (maxVal >= 128) {
            return null;
        }
        // FACTOR = (min(MAXVAL, 4095) + 128) / 256 is 0 here.
        int t1 = preset.t1() != 0 ? preset.t1() : clamp(2 + 3 * near, near + 1, maxVal);
        int t2 = preset.t2() != 0 ? preset.t2() : clamp(3 + 5 * near, t1, maxVal);
        int t3 = preset.t3() != 0 ? preset.t3() : clamp(4 + 7 * near, t2, maxVal);
        CodingParameters legacy = new CodingParameters(maxVal, t1, t2, t3, standard.reset());
        return legacy.equals(standard) ? null : legacy;
    }

    /** T.87's CLAMP(i, j, MAXVAL): j when i lies outside j..MAXVAL. */
    private static int clamp(int i, int j, int maxVal) {
        return i > maxVal || i < j ? j : i;
    }

    private static JpegLsException malformed(long offset, String what) {
        return new JpegLsException(JpegLsException.Kind.MALFORMED, offset, "invalid coding parameters: " + what);
    }
}
