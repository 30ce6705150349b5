package dev.attest.reports.evidence;

import dev.attest.core.geometry.ImageGrid;

/** Two arrays that must share one voxel grid do not; the message names both and their grids. */
public final class GridMismatchException extends IllegalArgumentException {
    public GridMismatchException(String first, ImageGrid firstGrid, String second, ImageGrid secondGrid) {
        super("'" + first + "' (" + firstGrid + ") does not lie on the grid of '" + second + "' (" + secondGrid + ")");
    }
}
