package dev.attest.inference.probe;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

/**
 * A volume's physical values as one flat float array, x fastest, then y, then z (index (z · sizeY + y) ·
 * sizeX + x), and back. Perturbations work on these arrays because their results are no longer the stored
 * integers of the source; the inference pipeline reads every volume as the same floats, so a perturbation
 * that changes nothing gives the model exactly the input of the unperturbed run.
 */
public final class FloatVoxels {
    private FloatVoxels() {
    }

    /** The physical values (stored × slope + intercept, per slice) as floats. */
    public static float[] physical(Volume volume) {
        ImageGrid g = volume.grid();
        int plane = g.sizeX() * g.sizeY();
        float[] out = new float[Math.toIntExact(g.voxelCount())];
        for (int z = 0; z < g.sizeZ(); z++) {
            int base = z * plane;
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    out[base + y * g.sizeX() + x] = (float) volume.getPhysical(x, y, z);
                }
            }
        }
        return out;
    }

    /** A FLOAT32 volume with identity rescale holding values (copied) on grid. */
    public static Volume volume(float[] values, ImageGrid grid, String name) {
        if (values.length != grid.voxelCount()) {
            throw new IllegalArgumentException("grid " + grid + " has " + grid.voxelCount() + " voxels, got "
                    + values.length + " values");
        }
        int plane = grid.sizeX() * grid.sizeY();
        Object[] slices = new Object[grid.sizeZ()];
        for (int z = 0; z < slices.length; z++) {
            float[] s = new float[plane];
            System.arraycopy(values, z * plane, s, 0, plane);
            slices[z] = s;
        }
        Volume v = Volume.wrap(grid, VoxelType.FLOAT32, slices);
        v.setName(name);
        return v;
    }
}
