package dev.attest.dicom.pixel;

/**
 * Converts interleaved Y Cb Cr samples to R G B in place, inverting the equations of PS3.3
 * C.7.6.3.1.2 (ITU-R BT.601 luma weights): full range for YBR_FULL, 219/224-step ranges with
 * offsets 16 and 128 for YBR_PARTIAL. Results are rounded half up and clamped to the sample range.
 */
final class YbrToRgb {
    // Luma weights of red and blue; green's is what is left.
    private static final double KR = 0.299;
    private static final double KB = 0.114;
    private static final double KG = 1 - KR - KB;
    // Cb = (B - Y) / (2 (1 - KB)) and Cr = (R - Y) / (2 (1 - KR)), around the mid value.
    private static final double CR_TO_R = 2 * (1 - KR);
    private static final double CB_TO_B = 2 * (1 - KB);
    private static final double CB_TO_G = KB * CB_TO_B / KG;
    private static final double CR_TO_G = KR * CR_TO_R / KG;

    /** Full-range Y Cb Cr, one triple per pixel: YBR_FULL, or YBR_FULL_422 once upsampled. */
    static final String FULL = "YBR_FULL";
    /** Partial-range Y Cb Cr, one triple per pixel: YBR_PARTIAL_422 once upsampled (not a DICOM term). */
    static final String PARTIAL = "YBR_PARTIAL";

    private YbrToRgb() {
    }

    /** Whether values a codec returned as {@code photometric} are Y Cb Cr that this class converts. */
    static boolean converts(String photometric, Object array) {
        return (FULL.equals(photometric) || PARTIAL.equals(photometric))
                && (array instanceof byte[] || array instanceof short[]);
    }

    /** Converts {@code pixels} Y Cb Cr triples of the kind {@code photometric} names, from {@code off}. */
    static void convert(String photometric, Object array, int off, int pixels, int bits) {
        convert(array, off, pixels, bits, PARTIAL.equals(photometric));
    }

    /** YBR_FULL: Y, Cb and Cr each span the whole sample range, chrominance centred on its middle. */
    static void full(Object array, int off, int pixels, int bits) {
        convert(array, off, pixels, bits, false);
    }

    /** YBR_PARTIAL: Y spans 16..235 and Cb, Cr 16..240 (for 8 bits; scaled for more). */
    static void partial(Object array, int off, int pixels, int bits) {
        convert(array, off, pixels, bits, true);
    }

    private static void convert(Object array, int off, int pixels, int bits, boolean partial) {
        int max = (1 << bits) - 1;
        double mid = 1 << (bits - 1);
        double scale = bits >= 8 ? 1 << (bits - 8) : 1.0 / (1 << (8 - bits));
        double yOffset = partial ? 16 * scale : 0;
        double yGain = partial ? 255.0 / 219 : 1;
        double cGain = partial ? 255.0 / 224 : 1;
        int mask = array instanceof byte[] ? 0xFF : 0xFFFF;
        for (int p = 0, i = off; p < pixels; p++, i += 3) {
            double y = (get(array, i, mask) - yOffset) * yGain;
            double cb = (get(array, i + 1, mask) - mid) * cGain;
            double cr = (get(array, i + 2, mask) - mid) * cGain;
            set(array, i, clamp(y + CR_TO_R * cr, max));
            set(array, i + 1, clamp(y - CB_TO_G * cb - CR_TO_G * cr, max));
            set(array, i + 2, clamp(y + CB_TO_B * cb, max));
        }
    }

    private static int clamp(double v, int max) {
        long r = (long) Math.floor(v + 0.5);
        return (int) Math.max(0, Math.min(max, r));
    }

    private static int get(Object array, int i, int mask) {
        return array instanceof byte[] b ? b[i] & mask : ((short[]) array)[i] & mask;
    }

    private static void set(Object array, int i, int v) {
        if (array instanceof byte[] b) {
            b[i] = (byte) v;
        } else {
            ((short[]) array)[i] = (short) v;
        }
    }
}
