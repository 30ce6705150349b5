package dev.attest.viewer.render;

/**
 * A window/level (and inversion) as a lookup table over float values, giving for every float
 * exactly the grey of {@link WindowLevel#map} while costing a few integer operations per pixel:
 * built once per window, it is what a repaint uses instead of the double arithmetic.
 *
 * <p>The map is monotone in its input, so for each integer k the floats in [k, k + 1) take at most
 * a few consecutive greys. The table keeps the grey at k and, when the grey steps by one inside the
 * interval, the smallest float at which it does (found by bisection over floats when the table is
 * built); a value's grey is then the grey at its floor, plus one if it reaches the step. Intervals
 * with two or more steps (windows narrower than about 255 units) fall back to the formula, as does
 * a window too wide for a table of reasonable size. Immutable and thread-safe.
 */
public final class GreyLut {
    /** Widest window (in units) given a table: 64 Ki entries are 512 KiB and under a millisecond to build. */
    static final int MAX_ENTRIES = 1 << 16;
    /** Interval marker: the grey steps more than once inside it, so the formula decides. */
    private static final float SEVERAL_STEPS = Float.NaN;

    private final WindowLevel window;
    private final boolean inverted;
    /** floor(lower edge): values below it are black (white when inverted). */
    private final int base;
    /** base + entries: values at or above it are white (black when inverted). */
    private final int top;
    private final float baseF;
    private final float topF;
    /** Displayed grey (after inversion) at the integer base + i. */
    private final int[] grey;
    /** Smallest float in (k, k + 1] at which the grey moves on by one; +inf when it does not; NaN: several steps. */
    private final float[] step;
    private final int stepSign;
    private final int below;
    private final int above;

    private GreyLut(WindowLevel window, boolean inverted) {
        this.window = window;
        this.inverted = inverted;
        this.stepSign = inverted ? -1 : 1;
        this.below = inverted ? 255 : 0;
        this.above = inverted ? 0 : 255;
        double lo = Math.floor(window.lowerEdge());
        double hi = Math.floor(window.upperEdge()) + 1;
        // Integers beyond 2^24 are no longer exact floats, so such a table could not be indexed by value.
        boolean tabled = hi - lo <= MAX_ENTRIES && Math.abs(lo) < (1 << 24) && Math.abs(hi) < (1 << 24);
        if (!tabled) {
            base = 0;
            top = 0;
            grey = null;
            step = null;
        } else {
            base = (int) lo;
            top = (int) hi;
            int n = top - base;
            grey = new int[n];
            step = new float[n];
            int g = window.map(base);
            for (int i = 0; i < n; i++) {
                int k = base + i;
                int next = window.map(k + 1);
                grey[i] = inverted ? 255 - g : g;
                step[i] = next == g ? Float.POSITIVE_INFINITY : next == g + 1 ? stepPoint(k, g) : SEVERAL_STEPS;
                g = next;
            }
        }
        baseF = base;
        topF = top;
    }

    /** The table for a window, inverted (255 - grey, MONOCHROME1 or the reader's invert) or not. */
    public static GreyLut of(WindowLevel window, boolean inverted) {
        if (window == null) {
            throw new IllegalArgumentException("window is required");
        }
        return new GreyLut(window, inverted);
    }

    public WindowLevel window() {
        return window;
    }

    public boolean inverted() {
        return inverted;
    }

    /**
     * The displayed grey 0..255 of a value: the window's map, inverted if asked; NaN (no data) is 0,
     * black, whether inverted or not.
     */
    public int grey(float v) {
        if (v >= baseF && v < topF) {
            int k = (int) v;
            if (k > v) {
                k--;
            }
            int i = k - base;
            float s = step[i];
            if (s != s) {
                return formula(v);
            }
            return v >= s ? grey[i] + stepSign : grey[i];
        }
        if (v != v) {
            return 0;
        }
        if (grey == null) {
            return formula(v);
        }
        return v < baseF ? below : above;
    }

    /** Renders row-major values to opaque grey ARGB into {@code out} (same length). */
    public void render(float[] values, int[] out) {
        if (out.length != values.length) {
            throw new IllegalArgumentException(values.length + " values, " + out.length + " pixels");
        }
        for (int i = 0; i < values.length; i++) {
            int g = grey(values[i]);
            out[i] = 0xFF000000 | g * 0x010101;
        }
    }

    private int formula(float v) {
        return inverted ? window.mapInverted(v) : window.map(v);
    }

    /**
     * The smallest float t in (k, k + 1] with map(t) = g + 1, given map(k) = g and map(k + 1) = g + 1:
     * bisection over floats, which ends when no float lies between the two ends.
     */
    private float stepPoint(int k, int g) {
        float lo = k;
        float hi = k + 1;
        while (true) {
            float mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (window.map(mid) > g) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        // Rounding in the bisection must not cost exactness: check the step, else leave it to the formula.
        boolean exact = window.map(hi) == g + 1 && window.map(Math.nextDown(hi)) == g;
        return exact ? hi : SEVERAL_STEPS;
    }
}
