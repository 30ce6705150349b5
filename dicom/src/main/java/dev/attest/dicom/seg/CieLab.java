package dev.attest.dicom.seg;

/**
 * A CIELab colour as DICOM stores it (Recommended Display CIELab Value, PS3.3 C.10.7.1.1):
 * L* 0..100 and a*, b* -128..127 each scaled to 0..65535.
 */
public record CieLab(int l, int a, int b) {

    /** D65 reference white in XYZ, the white point DICOM's CIELab values refer to. */
    private static final double[] WHITE = {0.95047, 1.0, 1.08883};
    /** XYZ to linear sRGB (IEC 61966-2-1). */
    private static final double[][] XYZ_TO_SRGB = {
            {3.2406, -1.5372, -0.4986},
            {-0.9689, 1.8758, 0.0415},
            {0.0557, -0.2040, 1.0570}};
    /** Linear sRGB to XYZ (IEC 61966-2-1), the inverse of the matrix above. */
    private static final double[][] SRGB_TO_XYZ = {
            {0.4124, 0.3576, 0.1805},
            {0.2126, 0.7152, 0.0722},
            {0.0193, 0.1192, 0.9505}};
    private static final double DELTA = 6.0 / 29.0;

    public CieLab {
        for (int v : new int[] {l, a, b}) {
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("DICOM CIELab values are 0..65535, got " + v);
            }
        }
    }

    /**
     * The DICOM CIELab value of an 8-bit sRGB colour packed 0xRRGGBB: the sRGB transfer curve
     * undone, linear sRGB to XYZ, XYZ to CIELab (D65), then scaled to 0..65535 and rounded.
     * Used to carry a label table's colours into a Segmentation's Recommended Display CIELab Value.
     */
    public static CieLab fromSrgb(int rgb) {
        double[] linear = new double[3];
        for (int c = 0; c < 3; c++) {
            double encoded = ((rgb >> (16 - 8 * c)) & 0xFF) / 255.0;
            linear[c] = encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
        }
        double[] f = new double[3];
        for (int i = 0; i < 3; i++) {
            double t = (SRGB_TO_XYZ[i][0] * linear[0] + SRGB_TO_XYZ[i][1] * linear[1] + SRGB_TO_XYZ[i][2] * linear[2]) / WHITE[i];
            f[i] = t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3 * DELTA * DELTA) + 4.0 / 29.0;
        }
        double lStar = 116 * f[1] - 16;
        double aStar = 500 * (f[0] - f[1]);
        double bStar = 200 * (f[1] - f[2]);
        return new CieLab(scale(lStar * 65535.0 / 100.0), scale((aStar + 128) * 65535.0 / 255.0),
                scale((bStar + 128) * 65535.0 / 255.0));
    }

    private static int scale(double v) {
        return (int) Math.max(0, Math.min(65535, Math.round(v)));
    }

    public double lStar() {
        return l * 100.0 / 65535.0;
    }

    public double aStar() {
        return a * 255.0 / 65535.0 - 128.0;
    }

    public double bStar() {
        return b * 255.0 / 65535.0 - 128.0;
    }

    /**
     * The nearest displayable 8-bit sRGB colour, packed 0xRRGGBB: CIELab to XYZ (D65), XYZ to
     * linear sRGB, clipped to the gamut, then the sRGB transfer curve.
     */
    public int toSrgb() {
        double fy = (lStar() + 16.0) / 116.0;
        double[] f = {fy + aStar() / 500.0, fy, fy - bStar() / 200.0};
        double[] xyz = new double[3];
        for (int i = 0; i < 3; i++) {
            double t = f[i];
            xyz[i] = WHITE[i] * (t > DELTA ? t * t * t : 3 * DELTA * DELTA * (t - 4.0 / 29.0));
        }
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            double linear = XYZ_TO_SRGB[c][0] * xyz[0] + XYZ_TO_SRGB[c][1] * xyz[1] + XYZ_TO_SRGB[c][2] * xyz[2];
            linear = Math.max(0, Math.min(1, linear));
            double encoded = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
            rgb = rgb << 8 | (int) Math.floor(encoded * 255.0 + 0.5);
        }
        return rgb;
    }
}
