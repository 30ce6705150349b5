package dev.attest.annotation.edit;

import java.util.Map;

/** The voxels a brush, eraser or box tool covers, clipped to the grid when it reaches past an edge. */
public sealed interface Region {

    /** The parameters the sidecar of a corrected mask records. */
    Map<String, Object> parameters();

    /**
     * Every voxel in plane whose centre lies within radiusMm of the centre voxel's centre, distances
     * measured in patient millimetres (so anisotropic spacing gives an elliptic disc in index space).
     */
    record Disc(SlicePlane plane, VoxelIndex centre, double radiusMm) implements Region {
        public Disc {
            requireRadius(radiusMm);
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("shape", "disc", "plane", plane.name(), "centre", indexList(centre), "radius_mm", radiusMm);
        }
    }

    /** Every voxel whose centre lies within radiusMm of the centre voxel's centre, in patient millimetres. */
    record Sphere(VoxelIndex centre, double radiusMm) implements Region {
        public Sphere {
            requireRadius(radiusMm);
        }

        @Override
        public Map<String, Object> parameters() {
            return Map.of("shape", "sphere", "centre", indexList(centre), "radius_mm", radiusMm);
        }
    }

    /** Every voxel of an index-space box (a 2D rectangle is a box one voxel thick, see {@link IndexBox#rectangle}). */
    record Box(IndexBox box) implements Region {
        @Override
        public Map<String, Object> parameters() {
            return Map.of("shape", "box", "min", indexList(box.min()), "max", indexList(box.max()));
        }
    }

    private static void requireRadius(double radiusMm) {
        if (!(radiusMm >= 0) || Double.isInfinite(radiusMm)) {
            throw new IllegalArgumentException("brush radius must be a finite number of mm >= 0, got " + radiusMm);
        }
    }

    static java.util.List<Integer> indexList(VoxelIndex v) {
        return java.util.List.of(v.i(), v.j(), v.k());
    }
}
