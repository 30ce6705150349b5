package dev.attest.annotation.edit;

import dev.attest.core.geometry.ImageGrid;

/** Thrown when two volumes that must share one voxel grid do not; the message names both and their grids. */
public final class GridMismatchException extends IllegalArgumentException {
    public GridMismatchException(String first, ImageGrid firstGrid, String second, ImageGrid secondGrid) {
        super("'" + first + "' (" + firstGrid + ") does not lie on the grid of '" + second + "' (" + secondGrid + ")");
    }
}
