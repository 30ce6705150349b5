package dev.attest.viewer.volume3d;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import java.util.Objects;

/**
 * What an {@link OrbitCamera} turns about and fits to the view: the centre of a grid and the
 * radius of the sphere through its outer voxel corners. Views of the same patient space that use
 * the same one show the same thing for the same camera.
 */
public record OrbitCentre(Vec3 centre, double radiusMm) {

    public OrbitCentre {
        Objects.requireNonNull(centre, "centre");
        if (!(radiusMm > 0) || !Double.isFinite(radiusMm)) {
            throw new IllegalArgumentException("radius must be positive and finite: " + radiusMm);
        }
    }

    /** The grid's centre (mid-way between its first and last voxel centres) and bounding radius. */
    public static OrbitCentre of(ImageGrid grid) {
        Vec3 centre = grid.indexToLps().apply((grid.sizeX() - 1) / 2.0, (grid.sizeY() - 1) / 2.0, (grid.sizeZ() - 1) / 2.0);
        double r = 0;
        for (int corner = 0; corner < 8; corner++) {
            Vec3 p = grid.indexToLps().apply((corner & 1) == 0 ? -0.5 : grid.sizeX() - 0.5,
                    (corner & 2) == 0 ? -0.5 : grid.sizeY() - 0.5, (corner & 4) == 0 ? -0.5 : grid.sizeZ() - 0.5);
            r = Math.max(r, p.distance(centre));
        }
        return new OrbitCentre(centre, r);
    }
}
