package dev.attest.inference.grounding;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;

/**
 * One 2D slice placed in the patient: physical values (HU for CT), row-major with x (the grid's i axis)
 * fastest, on a grid one slice thick whose affine maps pixel index (i, j, 0) to LPS mm. The values array
 * is held, not copied.
 */
public record SliceImage(ImageGrid grid, float[] values) {

    public SliceImage {
        if (grid.sizeZ() != 1) {
            throw new IllegalArgumentException("a slice grid is one slice thick, not " + grid.sizeZ());
        }
        if (values.length != grid.sizeX() * grid.sizeY()) {
            throw new IllegalArgumentException("a " + grid.sizeX() + " x " + grid.sizeY() + " slice needs "
                    + grid.sizeX() * grid.sizeY() + " values, got " + values.length);
        }
    }

    /**
     * Slice {@code k} of a volume as stored (an axial slice for an axial series), with physical values
     * (rescale applied) and the volume's geometry moved to that slice.
     */
    public static SliceImage of(Volume volume, int k) {
        ImageGrid g = volume.grid();
        if (k < 0 || k >= g.sizeZ()) {
            throw new IndexOutOfBoundsException("slice " + k + " is outside 0.." + (g.sizeZ() - 1));
        }
        Affine a = g.indexToLps();
        ImageGrid grid = new ImageGrid(g.sizeX(), g.sizeY(), 1,
                Affine.fromColumns(a.column(0), a.column(1), a.column(2), a.apply(0, 0, k)));
        float[] v = new float[g.sizeX() * g.sizeY()];
        for (int j = 0; j < g.sizeY(); j++) {
            for (int i = 0; i < g.sizeX(); i++) {
                v[j * g.sizeX() + i] = (float) volume.getPhysical(i, j, k);
            }
        }
        return new SliceImage(grid, v);
    }

    public int width() {
        return grid.sizeX();
    }

    public int height() {
        return grid.sizeY();
    }
}
