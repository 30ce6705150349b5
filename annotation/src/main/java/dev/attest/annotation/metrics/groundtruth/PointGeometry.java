package dev.attest.annotation.metrics.groundtruth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

/**
 * A reviewer's point as a project stores it inline, {@code {"label":L,"point_lps_mm":[x,y,z]}}.
 *
 * @param label the label it marks, or null when not given
 * @param lps where it is, LPS mm
 */
record PointGeometry(Integer label, Vec3 lps) {

    /** @throws ComparisonSkipped BAD_GEOMETRY if the JSON is unreadable or has no point_lps_mm */
    static PointGeometry parse(String json, String what) throws ComparisonSkipped {
        JsonNode root = GeometryFields.read(json, what);
        Vec3 p = GeometryFields.optionalPoint(root, "point_lps_mm", what);
        if (p == null) {
            throw new ComparisonSkipped(SkipReason.BAD_GEOMETRY, what + " has no point_lps_mm");
        }
        return new PointGeometry(GeometryFields.label(root, what), p);
    }

    /**
     * The voxel of grid whose centre is nearest the point.
     *
     * @throws ComparisonSkipped OUTSIDE_GRID if that voxel is not on the grid
     */
    int[] voxelOn(ImageGrid grid, String what, String gridName) throws ComparisonSkipped {
        Vec3 c = grid.lpsToIndex().apply(lps);
        int[] v = {(int) Math.round(c.x()), (int) Math.round(c.y()), (int) Math.round(c.z())};
        for (int a = 0; a < 3; a++) {
            if (v[a] < 0 || v[a] >= grid.size(a)) {
                throw new ComparisonSkipped(SkipReason.OUTSIDE_GRID, what + " at " + GeometryFields.show(lps) + " falls at voxel "
                        + GeometryFields.show(v) + ", outside the " + grid.sizeX() + " x " + grid.sizeY() + " x "
                        + grid.sizeZ() + " grid of " + gridName);
            }
        }
        return v;
    }
}
