package dev.attest.annotation.metrics.groundtruth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

/**
 * A box as a project stores it inline, {@code {"label":L,"min_lps_mm":[..],"max_lps_mm":[..],
 * "min_index":[i,j,k],"max_index":[i,j,k]}}: voxel corners (both included) on the grid it was drawn on, and,
 * where written, where those corners lie in LPS mm, which is what lets a comparison check the grid. The review
 * GUI writes the corner voxels' centres, the report code the box's extent (see {@link #requireOn}).
 *
 * @param label the label the box marks, or null when not given
 * @param voxels the box as half-open voxel ranges
 * @param minLps min_lps_mm, or null
 * @param maxLps max_lps_mm, or null
 */
record BoxGeometry(Integer label, VoxelBox voxels, Vec3 minLps, Vec3 maxLps) {

    /**
     * A box drawn on another grid places its corners elsewhere: allowed error is 1% of the smallest voxel
     * edge (as for label maps) plus what writing LPS to the micrometre costs.
     */
    private static final double ROUNDING_MM = 0.002;

    /**
     * Reads a box; what names the record in messages.
     *
     * @throws ComparisonSkipped BAD_GEOMETRY if the JSON is unreadable, lacks an index corner or ends before it starts
     */
    static BoxGeometry parse(String json, String what) throws ComparisonSkipped {
        JsonNode root = GeometryFields.read(json, what);
        int[] min = GeometryFields.indices(root, "min_index", what);
        int[] max = GeometryFields.indices(root, "max_index", what);
        for (int a = 0; a < 3; a++) {
            if (max[a] < min[a]) {
                throw new ComparisonSkipped(SkipReason.BAD_GEOMETRY, what + ": max_index " + GeometryFields.show(max)
                        + " lies below min_index " + GeometryFields.show(min) + " on axis " + a);
            }
        }
        return new BoxGeometry(GeometryFields.label(root, what),
                new VoxelBox(min[0], min[1], min[2], max[0] + 1, max[1] + 1, max[2] + 1),
                GeometryFields.optionalPoint(root, "min_lps_mm", what), GeometryFields.optionalPoint(root, "max_lps_mm", what));
    }

    /**
     * Checks that the box lies inside grid and, where it carries LPS corners, that grid puts them there. Two
     * writers share the box JSON: the review GUI stores the centres of the corner voxels, the report code the
     * box's extent in mm (the outer faces of its voxels, smallest and largest corner); either fits.
     *
     * @throws ComparisonSkipped OUTSIDE_GRID or GRID_MISMATCH
     */
    void requireOn(ImageGrid grid, String what, String gridName) throws ComparisonSkipped {
        VoxelBox b = voxels;
        if (b.x0() < 0 || b.y0() < 0 || b.z0() < 0 || b.x1() > grid.sizeX() || b.y1() > grid.sizeY()
                || b.z1() > grid.sizeZ()) {
            throw new ComparisonSkipped(SkipReason.OUTSIDE_GRID, what + " " + GeometryFields.show(b)
                    + " reaches outside the " + grid.sizeX() + " x " + grid.sizeY() + " x " + grid.sizeZ()
                    + " grid of " + gridName);
        }
        Vec3 s = grid.spacing();
        double tolerance = 0.01 * Math.min(s.x(), Math.min(s.y(), s.z())) + ROUNDING_MM;
        Vec3 minCentre = grid.indexToLps().apply(b.x0(), b.y0(), b.z0());
        Vec3 maxCentre = grid.indexToLps().apply(b.x1() - 1, b.y1() - 1, b.z1() - 1);
        boolean centres = (minLps == null || minCentre.distance(minLps) <= tolerance)
                && (maxLps == null || maxCentre.distance(maxLps) <= tolerance);
        Vec3[] extent = extentOn(grid);
        boolean faces = minLps != null && maxLps != null && extent[0].distance(minLps) <= tolerance
                && extent[1].distance(maxLps) <= tolerance;
        if (!centres && !faces) {
            throw new ComparisonSkipped(SkipReason.GRID_MISMATCH, what + " was drawn on another grid: its corners "
                    + GeometryFields.show(b) + " are stored at " + GeometryFields.show(minLps) + " and "
                    + GeometryFields.show(maxLps) + ", but " + gridName + " (" + grid + ") puts those voxels' centres at "
                    + GeometryFields.show(minCentre) + " and " + GeometryFields.show(maxCentre) + " and their extent at "
                    + GeometryFields.show(extent[0]) + " to " + GeometryFields.show(extent[1]));
        }
    }

    /** The smallest and largest LPS corner of the box's voxels on grid, their outer faces included. */
    private Vec3[] extentOn(ImageGrid grid) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int corner = 0; corner < 8; corner++) {
            Vec3 p = grid.indexToLps().apply((corner & 1) == 0 ? voxels.x0() - 0.5 : voxels.x1() - 0.5,
                    (corner & 2) == 0 ? voxels.y0() - 0.5 : voxels.y1() - 0.5,
                    (corner & 4) == 0 ? voxels.z0() - 0.5 : voxels.z1() - 0.5);
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], p.get(a));
                hi[a] = Math.max(hi[a], p.get(a));
            }
        }
        return new Vec3[] {new Vec3(lo[0], lo[1], lo[2]), new Vec3(hi[0], hi[1], hi[2])};
    }
}
