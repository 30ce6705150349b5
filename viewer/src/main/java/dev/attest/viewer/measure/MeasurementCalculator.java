package dev.attest.viewer.measure;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.PlaneResampler;
import dev.attest.viewer.mpr.SliceImage;
import dev.attest.viewer.render.Angle;
import dev.attest.viewer.render.Distance;
import dev.attest.viewer.render.EllipseRoi;
import dev.attest.viewer.render.Measurement;
import dev.attest.viewer.render.PolygonRoi;
import dev.attest.viewer.render.RoiMeasurement;
import java.util.List;
import java.util.Objects;

/**
 * Computes the values of drawn measurements from a volume: lengths and angles straight from the LPS
 * points, region statistics from the physical values of the reslice that shows the region (the
 * same pixel grid and interpolation as the view), through the render package's ROI classes.
 */
public final class MeasurementCalculator {

    /** How far (mm) a reslice may lie from a region's plane and still be the one that shows it. */
    private static final double ON_PLANE_TOL_MM = 1e-3;

    private final Volume volume;
    private final Interpolation interpolation;

    /**
     * @param interpolation as the view reslices, so the statistics are those of the pixels shown;
     *                      the unit of the values is the volume's {@link SliceImage#UNIT_PROPERTY}
     */
    public MeasurementCalculator(Volume volume, Interpolation interpolation) {
        this.volume = Objects.requireNonNull(volume, "volume");
        this.interpolation = Objects.requireNonNull(interpolation, "interpolation");
    }

    public Volume volume() {
        return volume;
    }

    public Interpolation interpolation() {
        return interpolation;
    }

    /**
     * Returns the values: a {@link Distance}, an {@link Angle} or a {@link RoiMeasurement}. A region
     * reslices the volume on its plane at the volume's own in-plane spacing, as a view's native
     * slice ({@code ViewTransform.image()}), so the statistics do not depend on zoom.
     */
    public Measurement measure(DrawnMeasurement m) {
        return switch (m.kind()) {
            case DISTANCE -> new Distance(m.label(), m.point(0), m.point(1));
            case ANGLE -> new Angle(m.label(), m.point(0), m.point(1), m.point(2));
            case ELLIPSE, POLYGON -> measureRegion(m, PlaneResampler.resample(volume, m.plane(), interpolation));
        };
    }

    /** Measures every one, in order, for {@link dev.attest.viewer.render.MeasurementCsv}. */
    public List<Measurement> measureAll(List<DrawnMeasurement> measurements) {
        return measurements.stream().map(this::measure).toList();
    }

    /** True when {@code image} is a reslice of the plane {@code m} was drawn on, with the same in-plane axes. */
    public static boolean isOnPlane(DrawnMeasurement m, SliceImage image) {
        return image.plane().right().sub(m.plane().right()).norm() <= 1e-6
                && image.plane().down().sub(m.plane().down()).norm() <= 1e-6
                && Math.abs(image.firstPixel().sub(m.point(0)).dot(m.plane().normal())) <= ON_PLANE_TOL_MM;
    }

    /**
     * Computes a region's area and statistics on a given reslice, as when a view already holds the
     * slice that shows it. The slice must lie in the region's plane with the same in-plane axes.
     *
     * @throws IllegalArgumentException when the measurement is not a region or the slice is not its plane
     */
    public static RoiMeasurement measureRegion(DrawnMeasurement m, SliceImage image) {
        if (!m.kind().isRegion()) {
            throw new IllegalArgumentException(m.kind() + " is not a region");
        }
        if (!isOnPlane(m, image)) {
            throw new IllegalArgumentException("measurement " + m.id() + " on plane " + m.plane()
                    + " is not on the reslice through " + image.plane());
        }
        if (m.kind() == MeasurementKind.ELLIPSE) {
            Vec3 a = image.lpsToPixel(m.point(0));
            Vec3 b = image.lpsToPixel(m.point(1));
            return new EllipseRoi(m.label(), (a.x() + b.x()) / 2, (a.y() + b.y()) / 2,
                    Math.abs(a.x() - b.x()) / 2, Math.abs(a.y() - b.y()) / 2).measure(image);
        }
        int count = m.points().size();
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int k = 0; k < count; k++) {
            Vec3 p = image.lpsToPixel(m.point(k));
            xs[k] = p.x();
            ys[k] = p.y();
        }
        return new PolygonRoi(m.label(), xs, ys).measure(image);
    }
}
