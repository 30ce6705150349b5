package dev.attest.viewer.render;

/**
 * Summary of the pixel values inside a region: the standard deviation is the sample one (n - 1),
 * NaN when fewer than two pixels; mean, min and max are NaN for an empty region.
 */
public record PixelStats(long count, double mean, double sd, double min, double max) {

    /** Accumulates values one by one; NaN (outside the volume) is skipped, not counted. */
    static final class Accumulator {
        private long n;
        private double mean;
        private double m2;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        void add(double v) {
            if (Double.isNaN(v)) {
                return;
            }
            // Welford's update: one pass without the cancellation of sum-of-squares on HU data.
            n++;
            double delta = v - mean;
            mean += delta / n;
            m2 += delta * (v - mean);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }

        PixelStats result() {
            if (n == 0) {
                return new PixelStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double sd = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
            return new PixelStats(n, mean, sd, min, max);
        }
    }
}
