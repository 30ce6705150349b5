package dev.attest.reports.evidence;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Linear size of a mask in millimetres, measured edge to edge as a reader's calipers would be: the largest
 * distance between two voxel centres plus one voxel, because a finding seen over n voxels spans n voxels,
 * not n − 1 (so a one-voxel finding measures one voxel, not zero).
 *
 * <p>{@code longestAxialMm} is the longest diameter within one axial slice: the slices are those of the grid
 * axis closest to patient z, the distance is the largest between two voxel centres of one slice, and one
 * voxel is the larger of the two in-plane spacings. {@code maxExtentMm} is the same over the whole mask in
 * 3D, with the largest of the three spacings. Only voxels on each slice's convex hull are compared (the
 * farthest pair always lies on it; the hull is taken in index space, since affine maps keep convexity), so
 * even organ-sized masks measure quickly.
 *
 * @param axialAxis the grid axis (0, 1, 2) treated as the slice axis
 */
public record MaskExtent(double longestAxialMm, double maxExtentMm, int axialAxis) {

    /** Measures a non-empty mask. */
    public static MaskExtent of(VoxelMask mask) {
        if (mask.isEmpty()) {
            throw new IllegalArgumentException("an empty mask has no extent");
        }
        ImageGrid grid = mask.grid();
        int axial = axialAxis(grid);
        int u = axial == 0 ? 1 : 0;
        int v = axial == 2 ? 1 : 2;
        Vec3 spacing = grid.spacing();
        double inPlaneVoxel = Math.max(spacing.get(u), spacing.get(v));
        double voxel = Math.max(inPlaneVoxel, spacing.get(axial));

        List<List<int[]>> slices = new ArrayList<>();
        for (int s = 0; s < grid.size(axial); s++) {
            slices.add(null);
        }
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        for (int index : mask.indices()) {
            int[] c = {index % sx, (index / sx) % sy, index / (sx * sy)};
            List<int[]> slice = slices.get(c[axial]);
            if (slice == null) {
                slice = new ArrayList<>();
                slices.set(c[axial], slice);
            }
            slice.add(c);
        }
        Affine toLps = grid.indexToLps();
        double bestAxial = 0;
        List<Vec3> hullPoints = new ArrayList<>();
        for (List<int[]> slice : slices) {
            if (slice == null) {
                continue;
            }
            List<Vec3> hull = new ArrayList<>();
            for (int[] c : convexHull(slice, u, v)) {
                hull.add(toLps.apply(c[0], c[1], c[2]));
            }
            bestAxial = Math.max(bestAxial, farthestPair(hull));
            hullPoints.addAll(hull);
        }
        return new MaskExtent(bestAxial + inPlaneVoxel, farthestPair(hullPoints) + voxel, axial);
    }

    /** The grid axis whose direction has the largest patient-z component: the slice axis of "axial". */
    public static int axialAxis(ImageGrid grid) {
        int best = 2;
        double bestZ = -1;
        for (int a = 0; a < 3; a++) {
            double z = Math.abs(grid.axisDirection(a).z());
            if (z > bestZ + 1e-9) {
                bestZ = z;
                best = a;
            }
        }
        return best;
    }

    private static double farthestPair(List<Vec3> points) {
        double best = 0;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                best = Math.max(best, points.get(i).distance(points.get(j)));
            }
        }
        return best;
    }

    /** Andrew's monotone chain on the (u, v) index coordinates; collinear points are dropped. */
    private static List<int[]> convexHull(List<int[]> points, int u, int v) {
        int[][] p = points.toArray(new int[0][]);
        Arrays.sort(p, (a, b) -> a[u] != b[u] ? Integer.compare(a[u], b[u]) : Integer.compare(a[v], b[v]));
        if (p.length <= 2) {
            return List.of(p);
        }
        int[][] hull = new int[2 * p.length][];
        int k = 0;
        for (int[] q : p) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], q, u, v) <= 0) {
                k--;
            }
            hull[k++] = q;
        }
        for (int i = p.length - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(hull[k - 2], hull[k - 1], p[i], u, v) <= 0) {
                k--;
            }
            hull[k++] = p[i];
        }
        return List.of(Arrays.copyOf(hull, k - 1));
    }

    private static long cross(int[] o, int[] a, int[] b, int u, int v) {
        return (long) (a[u] - o[u]) * (b[v] - o[v]) - (long) (a[v] - o[v]) * (b[u] - o[u]);
    }
}
