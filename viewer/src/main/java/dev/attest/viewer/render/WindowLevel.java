package dev.attest.viewer.render;

import java.util.Arrays;

/**
 * A display window (centre and width in physical units such as HU) mapped to 8-bit grey by the
 * DICOM PS3.3 C.11.2.1.2.1 "LINEAR" VOI LUT function.
 */
public record WindowLevel(double centre, double width) {

    public static final WindowLevel CT_LUNG = new WindowLevel(-600, 1500);
    public static final WindowLevel CT_MEDIASTINUM = new WindowLevel(50, 350);
    public static final WindowLevel CT_ABDOMEN = new WindowLevel(40, 400);
    public static final WindowLevel CT_LIVER = new WindowLevel(60, 160);
    public static final WindowLevel CT_BONE = new WindowLevel(400, 1800);
    public static final WindowLevel CT_BRAIN = new WindowLevel(40, 80);

    public WindowLevel {
        // The standard requires width >= 1 for LINEAR: the (w - 1) divisor would otherwise vanish.
        if (!(width >= 1) || !Double.isFinite(width) || !Double.isFinite(centre)) {
            throw new IllegalArgumentException("window width must be finite and >= 1, centre finite: " + centre + "/" + width);
        }
    }

    /** Lowest input that maps above 0: values at or below it are black. */
    public double lowerEdge() {
        return centre - 0.5 - (width - 1) / 2;
    }

    /** Highest input still inside the ramp: values above it are white. */
    public double upperEdge() {
        return centre - 0.5 + (width - 1) / 2;
    }

    /**
     * Maps a value to 0..255 by the LINEAR function; the real-valued result is rounded half up,
     * so the centre - 0.5 point (exactly 127.5) shows as 128. NaN maps to 0.
     */
    public int map(double x) {
        if (Double.isNaN(x) || x <= lowerEdge()) {
            return 0;
        }
        if (x > upperEdge()) {
            return 255;
        }
        double y = ((x - (centre - 0.5)) / (width - 1) + 0.5) * 255;
        return (int) Math.floor(y + 0.5);
    }

    /** Maps as {@link #map} then inverts (255 - y), the presentation MONOCHROME1 asks for. */
    public int mapInverted(double x) {
        return 255 - map(x);
    }

    /**
     * Builds the window from DICOM Window Center (0028,1050) and Window Width (0028,1051). Both are
     * multi-valued when the modality offers alternatives; PS3.3 C.11.2.1.2 gives no ranking, and
     * every viewer we know (and the explanation strings, 0028,1055, in the order they come) treats
     * the first pair as the default, so we take index 0 and leave the others for a menu.
     */
    public static WindowLevel fromDicom(double[] centres, double[] widths) {
        if (centres == null || widths == null || centres.length == 0 || widths.length == 0) {
            throw new IllegalArgumentException("Window Center and Window Width need at least one value each");
        }
        return new WindowLevel(centres[0], widths[0]);
    }

    /**
     * A window spanning the given lower and upper percentiles of the finite values (NaN ignored),
     * for MR and other modalities without calibrated units. Percentiles interpolate linearly
     * between order statistics (Hyndman-Fan type 7, numpy's default). The window's edges sit at
     * the two percentiles: centre = (lo + hi) / 2, width = hi - lo, at least 1.
     */
    public static WindowLevel fromPercentiles(float[] values, double lowerPercent, double upperPercent) {
        if (!(0 <= lowerPercent && lowerPercent < upperPercent && upperPercent <= 100)) {
            throw new IllegalArgumentException("need 0 <= lower < upper <= 100: " + lowerPercent + ", " + upperPercent);
        }
        double[] sorted = finiteSorted(values);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no finite values to take percentiles of");
        }
        double lo = percentile(sorted, lowerPercent);
        double hi = percentile(sorted, upperPercent);
        return new WindowLevel((lo + hi) / 2, Math.max(1, hi - lo));
    }

    /** The usual MR choice: 1st to 99th percentile, so a few hot or dark voxels do not flatten the image. */
    public static WindowLevel fromPercentiles(float[] values) {
        return fromPercentiles(values, 1, 99);
    }

    static double percentile(double[] sorted, double percent) {
        double rank = percent / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = rank - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    private static double[] finiteSorted(float[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                out[n++] = v;
            }
        }
        double[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }
}
