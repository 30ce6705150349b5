package dev.attest.annotation.metrics;

import dev.attest.annotation.edit.GridMismatchException;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;

/** Checks that two volumes compared voxel by voxel share one grid, and names volumes in messages. */
public final class SameGrid {

    /** Grids match when their voxel centres agree to this fraction of the smallest spacing. */
    private static final double TOLERANCE = 0.01;

    private SameGrid() {
    }

    /**
     * Returns the shared grid of two volumes.
     *
     * @throws GridMismatchException if their sizes differ or a voxel centre moves by more than 1% of a voxel
     * @throws MetricInputException if the grid's axes are not perpendicular, which spacing alone cannot measure
     */
    public static ImageGrid require(Volume a, Volume b) {
        ImageGrid grid = a.grid();
        Vec3 s = grid.spacing();
        double tolerance = TOLERANCE * Math.min(s.x(), Math.min(s.y(), s.z()));
        if (!grid.sameGeometry(b.grid(), tolerance)) {
            throw new GridMismatchException(describe(a), grid, describe(b), b.grid());
        }
        if (!grid.isOrthogonal(1e-4)) {
            throw new MetricInputException("'" + describe(a) + "' lies on an oblique grid (" + grid + "); distances"
                    + " in mm need perpendicular axes, so resample it first");
        }
        return grid;
    }

    /** The volume's source file, or its name when it was not read from a file. */
    public static String describe(Volume volume) {
        String source = volume.properties().get("source.file");
        return source != null ? source : volume.name();
    }
}
