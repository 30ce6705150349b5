package dev.attest.reports.pdf;

/**
 * Axis ticks at round steps (1, 2, 2.5 or 5 times a power of ten), about five of them, so a reader can read
 * bar heights off the axis.
 *
 * @param step the distance between ticks
 * @param top  the axis maximum, a whole number of steps at or above the data maximum
 */
record NiceTicks(double step, double top) {

    /** Ticks for data from 0 to {@code max}; counts never get a fractional step. */
    static NiceTicks of(double max, boolean integers) {
        if (!(max > 0)) {
            return new NiceTicks(1, 1);
        }
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double factor = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        double step = factor * magnitude;
        if (integers) {
            step = Math.max(1, Math.ceil(step));
        }
        return new NiceTicks(step, Math.ceil(max / step - 1e-9) * step);
    }

    int count() {
        return (int) Math.round(top / step);
    }
}
