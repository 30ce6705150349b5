package dev.attest.reports.llm;

/**
 * A display window for key images: level (centre) and width in physical units such as HU,
 * mapped linearly to 8-bit grey.
 *
 * <p>grey = clamp(round((v - (level - width / 2)) / width × 255), 0, 255), where round is half up
 * (floor(x + 0.5)), so the lower edge level - width/2 is 0, the upper edge level + width/2 is 255
 * and the level itself (127.5) is 128. This is the plain textbook ramp rather than DICOM's LINEAR
 * VOI function (which the viewer uses, with its (width - 1) divisor); the two differ by at most
 * one grey step inside the window, which a report model cannot see, and this one is easy to
 * check by hand. NaN (no data) is 0.
 */
public record DisplayWindow(double level, double width) {

    public static final DisplayWindow CT_SOFT_TISSUE = new DisplayWindow(40, 400);
    public static final DisplayWindow CT_LUNG = new DisplayWindow(-600, 1500);
    public static final DisplayWindow CT_BONE = new DisplayWindow(400, 1800);
    public static final DisplayWindow CT_BRAIN = new DisplayWindow(40, 80);

    public DisplayWindow {
        if (!Double.isFinite(level) || !(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("window needs a finite level and a finite width > 0, got level " + level
                    + " width " + width);
        }
    }

    /** The grey 0..255 of a physical value. */
    public int grey(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        double g = Math.floor((v - (level - width / 2)) / width * 255 + 0.5);
        return g <= 0 ? 0 : g >= 255 ? 255 : (int) g;
    }

    /** How the window reads in a caption: "level 40 width 400". */
    public String describe() {
        return "level " + number(level) + " width " + number(width);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }
}
