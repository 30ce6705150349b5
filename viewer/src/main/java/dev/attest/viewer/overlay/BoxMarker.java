package dev.attest.viewer.overlay;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A box aligned with the LPS axes between two opposite corners (a detection, a grounded region)
 * with a colour and a short text, drawn in a view as its section with the view's plane, and only
 * where the plane crosses it.
 *
 * @param rgb colour as 0xRRGGBB
 */
public record BoxMarker(String name, Vec3 cornerA, Vec3 cornerB, int rgb, boolean visible) implements Overlay {

    /** Distances to the plane below this (mm) count as on it, so a face lying in the plane is kept whole. */
    private static final double ON_PLANE_MM = 1e-9;

    public BoxMarker {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cornerA, "cornerA");
        Objects.requireNonNull(cornerB, "cornerB");
        rgb &= 0xFFFFFF;
    }

    public static BoxMarker of(String name, Vec3 cornerA, Vec3 cornerB, int rgb) {
        return new BoxMarker(name, cornerA, cornerB, rgb, true);
    }

    /** The box's lowest corner in x, y and z. */
    public Vec3 min() {
        return new Vec3(Math.min(cornerA.x(), cornerB.x()), Math.min(cornerA.y(), cornerB.y()),
                Math.min(cornerA.z(), cornerB.z()));
    }

    /** The box's highest corner in x, y and z. */
    public Vec3 max() {
        return new Vec3(Math.max(cornerA.x(), cornerB.x()), Math.max(cornerA.y(), cornerB.y()),
                Math.max(cornerA.z(), cornerB.z()));
    }

    /**
     * The convex polygon where the plane cuts the box, in LPS, its vertices in order around it:
     * the rectangle of the box's extent for a plane parallel to a face, a polygon of up to six
     * sides for an oblique one; empty when the plane misses the box or only touches an edge or corner.
     */
    public List<Vec3> section(ViewPlane plane) {
        Vec3 lo = min();
        Vec3 hi = max();
        Vec3[] corners = new Vec3[8];
        double[] d = new double[8];
        for (int c = 0; c < 8; c++) {
            corners[c] = new Vec3((c & 1) == 0 ? lo.x() : hi.x(), (c & 2) == 0 ? lo.y() : hi.y(),
                    (c & 4) == 0 ? lo.z() : hi.z());
            d[c] = corners[c].sub(plane.centre()).dot(plane.normal());
        }
        List<Vec3> points = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            if (Math.abs(d[c]) <= ON_PLANE_MM) {
                addUnique(points, corners[c]);
            }
        }
        // The 12 edges join corners differing in exactly one bit.
        for (int a = 0; a < 8; a++) {
            for (int bit = 1; bit < 8; bit <<= 1) {
                int b = a | bit;
                if (b == a || Math.abs(d[a]) <= ON_PLANE_MM || Math.abs(d[b]) <= ON_PLANE_MM || d[a] * d[b] > 0) {
                    continue;
                }
                double t = d[a] / (d[a] - d[b]);
                addUnique(points, corners[a].add(corners[b].sub(corners[a]).scale(t)));
            }
        }
        if (points.size() < 3) {
            return List.of();
        }
        Vec3 centre = Vec3.ZERO;
        for (Vec3 p : points) {
            centre = centre.add(p);
        }
        Vec3 mid = centre.scale(1.0 / points.size());
        points.sort(Comparator.comparingDouble(p -> Math.atan2(p.sub(mid).dot(plane.down()), p.sub(mid).dot(plane.right()))));
        return List.copyOf(points);
    }

    private static void addUnique(List<Vec3> points, Vec3 p) {
        for (Vec3 q : points) {
            if (q.distance(p) <= ON_PLANE_MM) {
                return;
            }
        }
        points.add(p);
    }

    @Override
    public BoxMarker withVisible(boolean shown) {
        return new BoxMarker(name, cornerA, cornerB, rgb, shown);
    }

    @Override
    public List<LegendEntry> legend() {
        return List.of(new LegendEntry(rgb, name, LegendEntry.Kind.BOX));
    }
}
