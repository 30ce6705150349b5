package dev.attest.annotation.metrics.groundtruth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

/**
 * A box as a project stores it inline, {@code {"label":L,"min_lps_mm":[..],"max_lps_mm":[..],
 * "min_index":[i,j,k],"max_index":[i,j,k]}}: voxel corners (both included) on the grid it was drawn on, and,
 * where written, those corner voxels' centres in LPS mm, which is what lets a comparison check the grid.
 *
 * @param label the label the box marks, or null when not given
 * @param voxels the box as half-open voxel ranges
 * @param minLps the centre of the min_index voxel, or null
 * @param maxLps the centre of the max_index voxel, or null
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
     * Checks that the box lies inside grid and, where it carries LPS corners, that grid puts its corner voxels
     * there.
     *
     * @throws ComparisonSkipped OUTSIDE_GRID or GRID_MISMATCH
     */
    void requireOn(ImageGrid grid, String what, String gridName) throws ComparisonSkipped {
        VoxelBox b = voxels;
        if (b.x0() < 0 || b.y0() < 0 || b.z0() < 0 || b.x1() > grid.sizeX() || b.y1() > grid.sizeY()
                || b.z1() > grid.sizeZ()) {
            throw new ComparisonSkipped(SkipReason.OUTSIDE_GRID, what + " " + GeometryFields.show(b)
                    + " reaches outside the " + grid.sizeX()
                    + " x " + grid.sizeY() + " x " + grid.sizeZ() + " grid of " + gridName);
        }
        Vec3 s = grid.spacing();
        double tolerance = 0.01 * Math.min(s.x(), Math.min(s.y(), s.z())) + ROUNDING_MM;
        if (minLps != null && grid.indexToLps().apply(b.x0(), b.y0(), b.z0()).distance(minLps) > tolerance
                || maxLps != null && grid.indexToLps().apply(b.x1() - 1, b.y1() - 1, b.z1() - 1).distance(maxLps) > tolerance) {
            throw new ComparisonSkipped(SkipReason.GRID_MISMATCH, what + " was drawn on another grid: its corner voxels "
                    + GeometryFields.show(b) + " lie at " + GeometryFields.show(minLps) + " and "
                    + GeometryFields.show(maxLps) + ", but " + gridName + " (" + grid + ") places them at "
                    + GeometryFields.show(grid.indexToLps().apply(b.x0(), b.y0(), b.z0())) + " and "
                    + GeometryFields.show(grid.indexToLps().apply(b.x1() - 1, b.y1() - 1, b.z1() - 1)));
        }
    }
}
