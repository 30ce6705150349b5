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
    private static final double DELTA = 6.0 / 29.0;

    public CieLab {
        for (int v : new int[] {l, a, b}) {
            if (v < 0 || v > 65535) {
                throw new IllegalArgumentException("DICOM CIELab values are 0..65535, got " + v);
            }
        }
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
