package dev.attest.viewer.measure;

import java.util.List;
import java.util.Optional;

/**
 * Finds what lies under the mouse in screen pixels, so that tolerances feel the same at every
 * zoom: the nearest control point (to drag it), else the measurement whose line passes near the
 * cursor or whose region holds it (to select or move it).
 */
public final class MeasurementHitTest {

    /** Segments used to approximate an ellipse's outline when testing it. */
    static final int ELLIPSE_SEGMENTS = 64;

    private MeasurementHitTest() {
    }

    /** A control point under the cursor: the measurement, the point's index, its distance in pixels. */
    public record HandleHit(DrawnMeasurement measurement, int handle, double distancePx) {
    }

    /** Returns the control point nearest (x, y) within {@code tolerancePx}; on a tie the later-drawn one. */
    public static Optional<HandleHit> nearestHandle(List<DrawnMeasurement> candidates, double x, double y,
            ScreenProjection projection, double tolerancePx) {
        HandleHit best = null;
        for (DrawnMeasurement m : candidates) {
            for (int k = 0; k < m.points().size(); k++) {
                double[] s = projection.toScreen(m.point(k));
                double d = Math.hypot(s[0] - x, s[1] - y);
                if (d <= tolerancePx && (best == null || d <= best.distancePx())) {
                    best = new HandleHit(m, k, d);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Returns the topmost (last in the list) measurement whose drawn line passes within
     * {@code tolerancePx} of (x, y), or whose region contains it.
     */
    public static Optional<DrawnMeasurement> under(List<DrawnMeasurement> candidates, double x, double y,
            ScreenProjection projection, double tolerancePx) {
        for (int i = candidates.size() - 1; i >= 0; i--) {
            DrawnMeasurement m = candidates.get(i);
            List<double[]> line = m.outline(ELLIPSE_SEGMENTS).stream().map(projection::toScreen).toList();
            int segments = m.closed() ? line.size() : line.size() - 1;
            for (int k = 0; k < segments; k++) {
                if (segmentDistance(x, y, line.get(k), line.get((k + 1) % line.size())) <= tolerancePx) {
                    return Optional.of(m);
                }
            }
            if (m.closed() && inside(x, y, line)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static double segmentDistance(double x, double y, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / len2));
        return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
    }

    /** Even-odd crossing test, the same rule the ROI statistics use for pixel centres. */
    static boolean inside(double x, double y, List<double[]> polygon) {
        boolean in = false;
        for (int k = 0, prev = polygon.size() - 1; k < polygon.size(); prev = k++) {
            double[] a = polygon.get(k);
            double[] b = polygon.get(prev);
            if ((a[1] > y) != (b[1] > y) && x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])) {
                in = !in;
            }
        }
        return in;
    }
}
