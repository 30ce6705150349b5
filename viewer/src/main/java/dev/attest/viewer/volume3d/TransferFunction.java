package dev.attest.viewer.volume3d;

import java.util.List;
import java.util.Objects;

/**
 * A piecewise-linear map from a physical value (HU, MR intensity) to colour and opacity, for
 * composite volume rendering.
 *
 * <p>Points are sorted by value; between two points colour and opacity are interpolated linearly,
 * below the first and above the last they are held. Opacity is that of a 1 mm thick slab of the
 * material, so the picture does not change with the ray step; {@link RayCaster} corrects it for
 * its step length as 1 − (1 − opacity)^(step / 1 mm).
 */
public record TransferFunction(String name, List<Point> points) {

    /** One control point: value, colour components in 0..1 and opacity per millimetre in 0..1. */
    public record Point(double value, double red, double green, double blue, double opacity) {
        public Point {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("control point value must be finite, got " + value);
            }
            for (double c : new double[] {red, green, blue, opacity}) {
                if (!(c >= 0 && c <= 1)) {
                    throw new IllegalArgumentException("colour and opacity must lie in 0..1, got " + this);
                }
            }
        }

        /** A point with an 0xRRGGBB colour. */
        public static Point of(double value, int rgb, double opacity) {
            return new Point(value, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0, opacity);
        }
    }

    /** Requires at least one point and values in non-decreasing order (equal values make a step). */
    public TransferFunction {
        Objects.requireNonNull(name, "name");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("transfer function '" + name + "' has no control points");
        }
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).value() < points.get(i - 1).value()) {
                throw new IllegalArgumentException("transfer function '" + name + "': point " + i + " (value "
                        + points.get(i).value() + ") comes before its predecessor (" + points.get(i - 1).value() + ")");
            }
        }
    }

    /**
     * Samples the function into flat arrays for the ray caster, evaluated exactly (no lookup
     * table), so a step between two points is sharp at any value.
     */
    public Compiled compile() {
        int n = points.size();
        double[] v = new double[n];
        float[][] rgba = new float[4][n];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            v[i] = p.value();
            rgba[0][i] = (float) p.red();
            rgba[1][i] = (float) p.green();
            rgba[2][i] = (float) p.blue();
            rgba[3][i] = (float) p.opacity();
        }
        return new Compiled(v, rgba[0], rgba[1], rgba[2], rgba[3]);
    }

    /** The control points as flat arrays, evaluated per sample by {@link #evaluate}. */
    public static final class Compiled {
        private final double[] values;
        private final float[] red;
        private final float[] green;
        private final float[] blue;
        private final float[] opacity;

        private Compiled(double[] values, float[] red, float[] green, float[] blue, float[] opacity) {
            this.values = values;
            this.red = red;
            this.green = green;
            this.blue = blue;
            this.opacity = opacity;
        }

        /** Writes r, g, b, opacity for value into out[0..3]. */
        public void evaluate(double value, float[] out) {
            int n = values.length;
            if (!(value >= values[0])) {
                set(out, 0, 0, 0);
                return;
            }
            // The last point at or below value; at a step (two points with one value) the later wins.
            int i = 0;
            while (i + 1 < n && values[i + 1] <= value) {
                i++;
            }
            if (i == n - 1) {
                set(out, i, i, 0);
                return;
            }
            // values[i] <= value < values[i + 1], so the segment has positive length.
            set(out, i, i + 1, (float) ((value - values[i]) / (values[i + 1] - values[i])));
        }

        /** The smallest value with non-zero opacity, or +∞ when the function is fully transparent. */
        public double firstVisibleValue() {
            for (int i = 0; i < values.length; i++) {
                if (opacity[i] > 0) {
                    return i == 0 ? Double.NEGATIVE_INFINITY : values[i - 1];
                }
            }
            return Double.POSITIVE_INFINITY;
        }

        private void set(float[] out, int a, int b, float t) {
            out[0] = red[a] + (red[b] - red[a]) * t;
            out[1] = green[a] + (green[b] - green[a]) * t;
            out[2] = blue[a] + (blue[b] - blue[a]) * t;
            out[3] = opacity[a] + (opacity[b] - opacity[a]) * t;
        }
    }
}
