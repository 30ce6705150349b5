package dev.attest.inference.probe;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.inference.run.GridResampler;

import java.util.Map;

/**
 * Lowers the resolution by an integer factor along the chosen grid axes and brings the image back to its own
 * grid, as a thicker-slice or coarser-matrix acquisition of the same patient would look once resampled.
 *
 * <p>Down: the coarse grid has ⌈n / f⌉ voxels along each chosen axis, spacing f times the original, and its
 * voxel c is the mean of original voxels c·f .. c·f + f − 1 (fewer at the far edge), placed at their nominal
 * centre, original index c·f + (f − 1)/2 (block averaging models the partial-volume effect of a larger voxel).
 * Up: trilinear interpolation back onto the original grid, clamping at the coarse grid's edges
 * ({@link GridResampler#trilinear}). Axes are named x, y, z for the grid's i, j, k.
 */
public record Downsample(int factor, String axes) implements Perturbation {
    public Downsample {
        if (factor < 2) {
            throw new IllegalArgumentException("downsampling factor must be an integer of at least 2, got " + factor);
        }
        if (axes == null || axes.isEmpty() || !axes.matches("x?y?z?")) {
            throw new IllegalArgumentException("downsampling axes must be some of x, y, z in that order (xyz, xy, z),"
                    + " got '" + axes + "'");
        }
    }

    /** Downsampling along all three axes. */
    public Downsample(int factor) {
        this(factor, "xyz");
    }

    @Override
    public String kind() {
        return "downsample";
    }

    @Override
    public String parameter() {
        return "factor";
    }

    @Override
    public double level() {
        return factor;
    }

    @Override
    public Map<String, String> options() {
        return Map.of("axes", axes);
    }

    @Override
    public float[] apply(float[] values, ImageGrid grid) {
        int[] f = {axes.contains("x") ? factor : 1, axes.contains("y") ? factor : 1, axes.contains("z") ? factor : 1};
        ImageGrid coarse = coarseGrid(grid, f);
        float[] means = blockMeans(values, grid, coarse, f);
        return GridResampler.trilinear(means, coarse, grid);
    }

    /** The coarse grid: ⌈n / f⌉ voxels per axis, voxel c centred at original index c·f + (f − 1)/2. */
    static ImageGrid coarseGrid(ImageGrid grid, int[] f) {
        Affine blockToIndex = Affine.of(new double[][] {
            {f[0], 0, 0, (f[0] - 1) / 2.0},
            {0, f[1], 0, (f[1] - 1) / 2.0},
            {0, 0, f[2], (f[2] - 1) / 2.0},
            {0, 0, 0, 1}});
        return new ImageGrid(ceilDiv(grid.sizeX(), f[0]), ceilDiv(grid.sizeY(), f[1]), ceilDiv(grid.sizeZ(), f[2]),
                grid.indexToLps().multiply(blockToIndex));
    }

    private static float[] blockMeans(float[] values, ImageGrid grid, ImageGrid coarse, int[] f) {
        int nx = grid.sizeX();
        int ny = grid.sizeY();
        int cx = coarse.sizeX();
        int cy = coarse.sizeY();
        double[] sums = new double[Math.toIntExact(coarse.voxelCount())];
        int[] counts = new int[sums.length];
        int i = 0;
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int c = ((z / f[2]) * cy + y / f[1]) * cx + x / f[0];
                    sums[c] += values[i++];
                    counts[c]++;
                }
            }
        }
        float[] means = new float[sums.length];
        for (int c = 0; c < means.length; c++) {
            means[c] = (float) (sums[c] / counts[c]);
        }
        return means;
    }

    private static int ceilDiv(int n, int f) {
        return (n + f - 1) / f;
    }
}
