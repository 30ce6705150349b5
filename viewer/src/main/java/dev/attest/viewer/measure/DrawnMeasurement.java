package dev.attest.viewer.measure;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A measurement as the user drew it: its kind, control points in patient LPS millimetres, the view
 * plane it was drawn on (so it is shown on that slice only) and an id and label. It holds geometry
 * only; values come from {@link MeasurementCalculator}, so they always reflect the volume.
 *
 * <p>The points are projected onto the plane when the record is made, so rounding in screen
 * mapping never lifts a point off the slice it was drawn on. Editing returns new records.
 *
 * @param id    unique within a {@link MeasurementList}
 * @param label the user's name for it, never null (empty when none)
 */
public record DrawnMeasurement(long id, MeasurementKind kind, List<Vec3> points, ViewPlane plane, String label) {

    /** Unit normals closer than this (|n1 × n2|) count as the same orientation. */
    private static final double PARALLEL_TOL = 1e-6;

    public DrawnMeasurement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(plane, "plane");
        label = label == null ? "" : label;
        if (points.size() < kind.minPoints() || points.size() > kind.maxPoints()) {
            throw new IllegalArgumentException(kind + " needs " + (kind.minPoints() == kind.maxPoints()
                    ? kind.minPoints() : "at least " + kind.minPoints()) + " points, got " + points.size());
        }
        Vec3 n = plane.normal();
        List<Vec3> onPlane = new ArrayList<>(points.size());
        for (Vec3 p : points) {
            Objects.requireNonNull(p, "point");
            onPlane.add(p.sub(n.scale(p.sub(plane.centre()).dot(n))));
        }
        points = List.copyOf(onPlane);
        if (kind == MeasurementKind.ANGLE && (points.get(0).equals(points.get(1)) || points.get(2).equals(points.get(1)))) {
            throw new IllegalArgumentException("an arm of the angle has zero length");
        }
        if (kind == MeasurementKind.ELLIPSE) {
            Vec3 d = points.get(1).sub(points.get(0));
            if (d.dot(plane.right()) == 0 || d.dot(plane.down()) == 0) {
                throw new IllegalArgumentException("the ellipse's corners " + points + " span no area on its plane");
            }
        }
    }

    /** Returns the control point at the given handle index. */
    public Vec3 point(int handle) {
        return points.get(handle);
    }

    /** Distance of the drawing plane from the LPS origin along its normal, in mm. */
    public double planeOffsetMm() {
        return plane.centre().dot(plane.normal());
    }

    /**
     * True when a view showing {@code view} should draw this measurement: the planes are parallel
     * and this one lies less than half a slice step from it, so it shows on exactly one slice.
     *
     * @param sliceStepMm the view's distance between neighbouring slices
     */
    public boolean liesOn(ViewPlane view, double sliceStepMm) {
        Vec3 n = view.normal();
        if (plane.normal().cross(n).norm() > PARALLEL_TOL) {
            return false;
        }
        return Math.abs(plane.centre().sub(view.centre()).dot(n)) < sliceStepMm / 2;
    }

    /** Returns a copy with one control point moved (projected onto the drawing plane). */
    public DrawnMeasurement withPoint(int handle, Vec3 to) {
        Objects.checkIndex(handle, points.size());
        List<Vec3> moved = new ArrayList<>(points);
        moved.set(handle, to);
        return new DrawnMeasurement(id, kind, moved, plane, label);
    }

    /** Returns a copy moved as a whole by the in-plane part of {@code delta}. */
    public DrawnMeasurement translated(Vec3 delta) {
        List<Vec3> moved = new ArrayList<>(points.size());
        for (Vec3 p : points) {
            moved.add(p.add(delta));
        }
        return new DrawnMeasurement(id, kind, moved, plane, label);
    }

    public DrawnMeasurement withLabel(String newLabel) {
        return new DrawnMeasurement(id, kind, points, plane, newLabel);
    }

    /** Returns a copy with another id, as when a list takes in a measurement made elsewhere. */
    public DrawnMeasurement withId(long newId) {
        return new DrawnMeasurement(newId, kind, points, plane, label);
    }

    /**
     * The line to draw, in LPS: the points for a distance or an angle (open), the vertices for a
     * polygon and {@code segments} points around an ellipse (both closed, last point not repeated).
     */
    public List<Vec3> outline(int segments) {
        if (kind != MeasurementKind.ELLIPSE) {
            return points;
        }
        Vec3 a = points.get(0);
        Vec3 d = points.get(1).sub(a);
        Vec3 centre = a.add(d.scale(0.5));
        double rx = Math.abs(d.dot(plane.right())) / 2;
        double ry = Math.abs(d.dot(plane.down())) / 2;
        List<Vec3> out = new ArrayList<>(segments);
        for (int k = 0; k < segments; k++) {
            double t = 2 * Math.PI * k / segments;
            out.add(centre.add(plane.right().scale(rx * Math.cos(t))).add(plane.down().scale(ry * Math.sin(t))));
        }
        return out;
    }

    /** True when the outline closes back on its first point (ellipse and polygon). */
    public boolean closed() {
        return kind.isRegion();
    }
}
