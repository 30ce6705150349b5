package dev.attest.viewer.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What a colour bar beside an overlay shows: the map, its range and labelled ticks with units. */
public record ColorBar(ColorMap map, double min, double max, String unit, List<Tick> ticks) {

    /** A tick at {@code value}, drawn at {@code position} in [0, 1] from the bar's low end. */
    public record Tick(double value, double position, String label) {
    }

    public ColorBar {
        ticks = List.copyOf(ticks);
    }

    /**
     * A bar with at most {@code maxTicks} ticks at "nice" values: the step is 1, 2 or 5 times a
     * power of ten, the smallest that keeps the count within the limit, so labels stay short.
     */
    /**
     * Units up to this long (HU, Gy, a.u.) follow every tick; a longer one ("probability") would not fit
     * beside the bar, so it is written once under it instead (see {@link #caption()}).
     */
    static final int SHORT_UNIT = 4;

    /** The unit to write once under the bar: a long unit that the tick labels leave out, else "". */
    public String caption() {
        return unit == null || unit.length() <= SHORT_UNIT ? "" : unit;
    }

    public static ColorBar of(ColorMap map, double min, double max, String unit, int maxTicks) {
        if (!(min < max) || maxTicks < 2) {
            throw new IllegalArgumentException("need min < max and at least 2 ticks");
        }
        BigDecimal step = niceStep((max - min) / (maxTicks - 1));
        while (count(min, max, step) > maxTicks) {
            step = niceStep(step.doubleValue() * 1.0000001);
        }
        List<Tick> ticks = new ArrayList<>();
        long first = (long) Math.ceil(min / step.doubleValue() - 1e-9);
        long last = (long) Math.floor(max / step.doubleValue() + 1e-9);
        for (long k = first; k <= last; k++) {
            // BigDecimal keeps 3 * 0.2 at 0.6 rather than 0.6000000000000001.
            BigDecimal v = step.multiply(BigDecimal.valueOf(k));
            double value = v.doubleValue();
            String text = v.stripTrailingZeros().toPlainString();
            if (text.equals("-0")) {
                text = "0";
            }
            String label = unit == null || unit.isEmpty() || unit.length() > SHORT_UNIT ? text : text + " " + unit;
            ticks.add(new Tick(value, (value - min) / (max - min), label));
        }
        return new ColorBar(map, min, max, unit, ticks);
    }

    private static long count(double min, double max, BigDecimal step) {
        double s = step.doubleValue();
        return (long) Math.floor(max / s + 1e-9) - (long) Math.ceil(min / s - 1e-9) + 1;
    }

    /** Smallest of 1, 2, 5 x 10^k that is at least {@code raw}. */
    static BigDecimal niceStep(double raw) {
        int exponent = (int) Math.floor(Math.log10(raw));
        BigDecimal magnitude = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        for (int m : new int[] {1, 2, 5, 10}) {
            BigDecimal candidate = magnitude.multiply(BigDecimal.valueOf(m));
            if (candidate.doubleValue() >= raw * (1 - 1e-12)) {
                return candidate;
            }
        }
        return magnitude.multiply(BigDecimal.TEN);
    }
}
