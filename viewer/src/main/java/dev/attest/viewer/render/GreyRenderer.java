package dev.attest.viewer.render;

/** Turns a slice of physical values into opaque grey ARGB pixels through a window. */
public record GreyRenderer(WindowLevel window, boolean inverted) {

    public GreyRenderer {
        if (window == null) {
            throw new IllegalArgumentException("window is required");
        }
    }

    /** A renderer for a DICOM Photometric Interpretation: MONOCHROME1 shows low values white. */
    public static GreyRenderer forPhotometric(WindowLevel window, String photometricInterpretation) {
        return new GreyRenderer(window, "MONOCHROME1".equals(photometricInterpretation == null
                ? null : photometricInterpretation.strip()));
    }

    /**
     * Renders row-major values (width x height) to ARGB; NaN (outside the volume) is black even
     * when inverted, so the edge of the data stays visible as "no data" rather than white.
     */
    public int[] render(float[] values, int width, int height) {
        if (width < 0 || height < 0 || (long) width * height != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill " + width + " x " + height);
        }
        // The table gives exactly the window's map per value (see GreyLut) without its double arithmetic.
        int[] argb = new int[values.length];
        GreyLut.of(window, inverted).render(values, argb);
        return argb;
    }
}
